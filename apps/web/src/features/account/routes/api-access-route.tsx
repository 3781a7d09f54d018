// Lazy route module: React Router imports `Component` from here.
export { ApiAccessPage as Component } from './api-access-page';
