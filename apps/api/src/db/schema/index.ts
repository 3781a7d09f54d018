// Every table of the portal; drizzle-kit reads this file. One export line per schema module.
export * from './account-tokens';
export * from './announcements';
export * from './collection';
export * from './contract-documents';
export * from './invoices';
export * from './outbox';
export * from './payments';
export * from './product-cancellations';
export * from './products';
export * from './rate-limits';
export * from './scheduled-jobs';
export * from './second-factors';
export * from './security-events';
export * from './sepa-mandates';
export * from './sessions';
export * from './tickets';
export * from './users';
