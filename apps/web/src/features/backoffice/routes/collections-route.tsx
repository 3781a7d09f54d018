// Lazy route module: React Router imports `Component` from here.
export { CollectionsPage as Component } from './collections-page';
