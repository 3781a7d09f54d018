// Lazy route module: React Router imports `Component` from here.
export { InvoiceSettingsPage as Component } from './invoice-settings-page';
