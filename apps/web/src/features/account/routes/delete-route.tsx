// Lazy route module: React Router imports `Component` from here.
export { DeletePage as Component } from './delete-page';
