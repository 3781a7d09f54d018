// Lazy route module: React Router imports `Component` from here.
export { SessionsPage as Component } from './sessions-page';
