// Lazy route module: React Router imports `Component` from here.
export { SecurityPage as Component } from './security-page';
