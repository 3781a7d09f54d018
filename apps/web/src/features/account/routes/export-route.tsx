// Lazy route module: React Router imports `Component` from here.
export { ExportPage as Component } from './export-page';
