// Lazy route module: React Router imports `Component` from here.
export { InvoicePage as Component } from './invoice-page';
