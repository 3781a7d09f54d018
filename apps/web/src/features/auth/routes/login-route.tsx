// Lazy route module: React Router imports `Component` from here.
export { LoginPage as Component } from './login-page';
