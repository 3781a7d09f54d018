// Lazy route module: React Router imports `Component` from here.
export { SecurityLogPage as Component } from './security-log-page';
