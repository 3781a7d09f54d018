// Lazy route module: React Router imports `Component` from here.
export { CancellationsPage as Component } from './cancellations-page';
