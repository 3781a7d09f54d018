// Lazy route module: React Router imports `Component` from here.
export { OverviewPage as Component } from './overview-page';
