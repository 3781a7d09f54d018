// Lazy route module: React Router imports `Component` from here. Sign-in is fetched as soon as the
// router matches /login (in parallel with nothing else to wait for); signed-in visits never load
// it, nor react-hook-form with it (ADR 0008).
export { LoginPage as Component } from './login-page';
