// Lazy route module: React Router imports `Component` from here.
export { ProfilePage as Component } from './profile-page';
