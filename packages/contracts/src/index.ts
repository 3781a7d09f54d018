// The package's public surface: one export line per contract module.
export * from './account';
export * from './announcements';
export * from './auth';
export * from './common';
export * from './customers-admin';
export * from './health';
export * from './http';
export * from './invoices';
export * from './invoices-admin';
export * from './overview';
export * from './password-reset';
export * from './problem';
export * from './products';
export * from './products-admin';
export * from './provider';
export * from './tickets';
export * from './tickets-admin';
