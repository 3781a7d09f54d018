// Lazy route module: React Router imports `Component` from here.
export { BackofficeSecurityPage as Component } from './security-page';
