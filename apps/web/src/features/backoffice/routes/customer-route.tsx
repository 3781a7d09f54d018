// Lazy route module: React Router imports `Component` from here.
export { CustomerPage as Component } from './customer-page';
