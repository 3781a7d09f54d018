// Lazy route module: React Router imports `Component` from here.
export { PublicCancellationPage as Component } from './public-cancellation-page';
