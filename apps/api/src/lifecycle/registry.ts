import { idempotencyLifecycle } from '../idempotency/idempotency.lifecycle';
import { outboxLifecycle } from '../mail/outbox.lifecycle';
import { accountLifecycle } from '../modules/account/account.lifecycle';
import { apiTokensLifecycle } from '../modules/api-tokens/api-tokens.lifecycle';
import { sessionsLifecycle } from '../modules/auth/sessions.lifecycle';
import { bankAccountLifecycle } from '../modules/bank-account/bank-account.lifecycle';
import { collectionLifecycle } from '../modules/collection/collection.lifecycle';
import { invoicesLifecycle } from '../modules/invoices/invoices.lifecycle';
import { secondFactorsLifecycle } from '../modules/mfa/second-factors.lifecycle';
import { productsLifecycle } from '../modules/products/products.lifecycle';
import { publicCancellationsLifecycle } from '../modules/products/public-cancellations.lifecycle';
import { securityLogLifecycle } from '../modules/security-log/security-log.lifecycle';
import { ticketsLifecycle } from '../modules/tickets/tickets.lifecycle';
import { webhooksLifecycle } from '../modules/webhooks/webhooks.lifecycle';
import type { DataLifecycle } from './data-lifecycle';

/**
 * Every module that stores customer data, with its export, erasure and purge (the way db/seed
 * lists the seed steps). A new table that references users needs an entry here, or
 * registry.test.ts fails. Order matters for the purge only: collection before the mandates and invoices it references, invoices
 * before the contracts they bill.
 */
export const dataLifecycles: readonly DataLifecycle[] = [
  accountLifecycle,
  sessionsLifecycle,
  secondFactorsLifecycle,
  securityLogLifecycle,
  // Debits, notices and account entries reference mandates and invoices: purged before them.
  collectionLifecycle,
  bankAccountLifecycle,
  invoicesLifecycle,
  productsLifecycle,
  publicCancellationsLifecycle,
  ticketsLifecycle,
  outboxLifecycle,
  idempotencyLifecycle,
  webhooksLifecycle,
  apiTokensLifecycle,
];
