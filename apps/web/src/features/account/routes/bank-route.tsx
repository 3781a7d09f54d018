// Lazy route module: React Router imports `Component` from here.
export { BankPage as Component } from './bank-page';
