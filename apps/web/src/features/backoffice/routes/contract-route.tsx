// Lazy route module: React Router imports `Component` from here.
export { ContractPage as Component } from './contract-page';
