// Lazy route module: React Router imports `Component` from here.
export { AnnouncementsPage as Component } from './announcements-page';
