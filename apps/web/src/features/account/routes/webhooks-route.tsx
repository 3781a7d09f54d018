// Lazy route module: React Router imports `Component` from here.
export { WebhooksPage as Component } from './webhooks-page';
