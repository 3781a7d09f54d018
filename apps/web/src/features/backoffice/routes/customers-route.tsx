// Lazy route module: React Router imports `Component` from here.
export { CustomersPage as Component } from './customers-page';
