// Lazy route module: React Router imports `Component` from here.
export { PasswordPage as Component } from './password-page';
