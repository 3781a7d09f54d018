// Lazy route module: React Router imports `Component` from here.
export { StaffUsersPage as Component } from './staff-users-page';
