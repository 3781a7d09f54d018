// Lazy route module: React Router imports `Component` from here.
export { TicketPage as Component } from './ticket-page';
