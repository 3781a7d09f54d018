// Lazy route module: React Router imports `Component` from here.
export { ProductsPage as Component } from './products-page';
