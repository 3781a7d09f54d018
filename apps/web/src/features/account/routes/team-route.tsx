// Lazy route module: React Router imports `Component` from here.
export { TeamPage as Component } from './team-page';
