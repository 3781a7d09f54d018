// Lazy route module: React Router imports `Component` from here.
export { StaffTicketPage as Component } from './ticket-page';
