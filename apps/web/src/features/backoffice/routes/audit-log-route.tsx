// Lazy route module: React Router imports `Component` from here.
export { AuditLogPage as Component } from './audit-log-page';
