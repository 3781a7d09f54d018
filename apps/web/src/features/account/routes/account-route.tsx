// Lazy route module: React Router imports `Component` from here.
export { AccountLayout as Component } from './account-layout';
