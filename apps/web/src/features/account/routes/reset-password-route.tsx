// Lazy route module: React Router imports `Component` from here.
export { ResetPasswordPage as Component } from './reset-password-page';
