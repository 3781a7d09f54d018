// Lazy route module: React Router imports `Component` from here.
export { InvoicesPage as Component } from './invoices-page';
