import { randomUUID } from 'node:crypto';
import type { TInvoice } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../src/db/client';
import { sepaMandates } from '../src/db/schema/index';
import { today } from '../src/lib/calendar';
import { isTarget2BusinessDay } from '../src/modules/collection/rules/target2-calendar';
import { addDays } from '../src/modules/invoices/invoice-format';
import { signedInCustomer } from './factories';
import { type IssueOptions, issueInvoiceFor } from './invoice-factories';

/** A customer with an active SEPA mandate (as saving bank data leaves it), signed in. */
export async function customerWithMandate(
  app: FastifyInstance,
  db: Database,
  iban = 'DE89370400440532013000',
  overrides: Parameters<typeof signedInCustomer>[2] = {},
) {
  const customer = await signedInCustomer(app, db, overrides);
  const [mandate] = await db
    .insert(sepaMandates)
    .values({
      customerId: customer.user.id,
      reference: `K${customer.user.customerNumber}-2026-${randomUUID().slice(0, 8).toUpperCase()}`,
      accountHolder: 'Müller & Söhne GmbH',
      iban,
      bic: null,
      creditorId: 'DE98ZZZ09999999999',
      signedAt: new Date('2026-01-05T10:00:00Z'),
    })
    .returning();
  if (!mandate) throw new Error('mandate insert returned nothing');
  return { ...customer, mandate };
}

/** An invoice issued today that is collected by direct debit on `dueDate`. */
export async function debitInvoiceFor(
  app: FastifyInstance,
  staff: { bearer: { authorization: string } },
  customerId: string,
  dueDate: string,
  lines?: IssueOptions['lines'],
): Promise<TInvoice> {
  const invoice = await issueInvoiceFor(app, staff, customerId, {
    issueDate: today(),
    dueDate,
    ...(lines ? { lines } : {}),
  });
  expect(invoice.directDebit?.status).toBe('announced');
  return invoice;
}

export function staffPost(
  app: FastifyInstance,
  staff: { bearer: { authorization: string } },
  url: string,
  payload: unknown,
) {
  return app.inject({ method: 'POST', url, headers: staff.bearer, payload: payload as object });
}

export function importXml(app: FastifyInstance, staff: { bearer: { authorization: string } }, xml: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/admin/bank-statements',
    headers: { ...staff.bearer, 'content-type': 'application/xml' },
    payload: xml,
  });
}

/** The k-th TARGET2 business day from 15 days ahead: a date a debit issued today may be collected on. */
export function collectionDay(k: number): string {
  let day = addDays(today(), 15);
  let found = 0;
  for (;;) {
    if (isTarget2BusinessDay(day) && found++ === k) return day;
    day = addDays(day, 1);
  }
}
