// Lazy route module: React Router imports `Component` from here.
export { ConfirmEmailPage as Component } from './confirm-email-page';
