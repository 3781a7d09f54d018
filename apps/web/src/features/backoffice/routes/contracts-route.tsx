// Lazy route module: React Router imports `Component` from here.
export { ContractsPage as Component } from './contracts-page';
