// Lazy route module: React Router imports `Component` from here.
export { ProductPage as Component } from './product-page';
