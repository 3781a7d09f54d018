// Lazy route module: React Router imports `Component` from here.
export { ContactPage as Component } from './contact-page';
