// Lazy route module: where staff land. Support and admins at the ticket queue; billing, which has
// no queue, is sent to the collections by the back office's frame before anything is drawn.
export { TicketQueuePage as Component } from './ticket-queue-page';
