import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff, TEST_PASSWORD } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { createProduct } from '../../../test/product-factories';
import { openTicketAs } from '../../../test/tickets';
import { customers, invoices, sepaMandates, ticketMessages, tickets, users } from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';

const ctx = useTestApp();
const bank = { accountHolder: 'Erika Mustermann', iban: 'DE89370400440532013000' };

async function paidInvoiceFor(customerId: string, issueDate = '2026-03-01') {
  const staff = await signedInStaff(ctx.app, ctx.db);
  const year = issueDate.slice(0, 4);
  const invoice = await issueInvoiceFor(ctx.app, staff, customerId, {
    issueDate,
    dueDate: `${year}-12-31`,
    servicePeriod: { start: issueDate, end: `${year}-12-31` },
  });
  const paid = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/admin/invoices/${invoice.id}/transfers`,
    headers: staff.bearer,
    payload: { amount: invoice.amounts.gross, receivedOn: `${year}-12-01` },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  return invoice;
}

const deleteAccount = (headers: Record<string, string>, password = TEST_PASSWORD) =>
  ctx.app.inject({ method: 'DELETE', url: '/api/v1/account', headers, payload: { password, confirm: true } });

describe('GET /account/export', () => {
  it('answers 401 without a session', async () => {
    expectProblem(await ctx.app.inject({ url: '/api/v1/account/export' }), 401);
  });
});

describe('DELETE /account', () => {
  it('answers 409 naming each active contract and unpaid invoice', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id, { name: 'Cloud Server cs-001' });
    const staff = await signedInStaff(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const problem = expectProblem(await deleteAccount(customer.bearer), 409, 'conflict');
    expect(problem.blockers).toEqual([
      { kind: 'contract', id: product.id, label: 'Cloud Server cs-001' },
      { kind: 'invoice', id: invoice.id, label: invoice.number },
    ]);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: customer.bearer })).statusCode).toBe(200);
  });

  it('needs the password and the explicit confirmation', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const wrong = expectProblem(await deleteAccount(customer.bearer, 'falsch'), 400, 'validation_failed');
    expect(wrong.errors).toEqual([{ path: 'password', code: 'wrongPassword', message: 'is wrong' }]);
    const unconfirmed = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/v1/account',
      headers: customer.bearer,
      payload: { password: TEST_PASSWORD, confirm: false },
    });
    expect(expectProblem(unconfirmed, 400).errors).toEqual([
      { path: 'confirm', code: 'confirmRequired', message: 'must be confirmed' },
    ]);
    expectProblem(await deleteAccount({}), 401);
  });

  it('erases personal data, ends sign-in and keeps the invoices for staff', async () => {
    const marker = `Zzyzx-${Date.now()}`;
    const customer = await signedInCustomer(ctx.app, ctx.db, {
      name: marker,
      phone: '+49 170 0000',
      vatId: 'DE123456789',
    });
    await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/bank-account',
      headers: customer.bearer,
      payload: bank,
    });
    const ticket = await openTicketAs(ctx.app, customer.bearer, { subject: `${marker} Betreff` });
    const invoice = await paidInvoiceFor(customer.user.id);

    const deleted = await deleteAccount(customer.bearer);
    expect(deleted.statusCode, deleted.body).toBe(204);

    expectProblem(await ctx.app.inject({ url: '/api/v1/me', headers: customer.bearer }), 401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: customer.user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const [row] = await ctx.db.select().from(users).where(eq(users.id, customer.user.userId));
    expect(row).toMatchObject({ passwordHash: null });
    expect(row?.disabledAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(marker);
    expect(row?.email).not.toBe(customer.user.email);
    const [account] = await ctx.db.select().from(customers).where(eq(customers.id, customer.user.id));
    expect(account).toMatchObject({ phone: null, vatId: null, street: null, company: null });
    expect(account?.deletedAt).not.toBeNull();
    expect(JSON.stringify(account)).not.toContain(marker);
    // The mandate stays, revoked, for 14 months after the last collection (SEPA rulebook).
    const mandates = await ctx.db.select().from(sepaMandates).where(eq(sepaMandates.customerId, customer.user.id));
    expect(mandates.every((mandate) => mandate.revokedAt !== null)).toBe(true);
    const [erasedTicket] = await ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(erasedTicket?.subject).toBe('');
    const messages = await ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id));
    expect(messages.every((message) => message.body === '')).toBe(true);

    // Retained for the back office: the invoice row (with its billing snapshot) is untouched.
    const [kept] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(kept?.number).toBe(invoice.number);
    expect(kept?.customerId).toBe(customer.user.id);
    // Earlier mails are kept as correspondence; the farewell (the newest) names nobody.
    const mails = await findEmailsTo(ctx.db, customer.user.email);
    expect(mails[0]?.template).toBe('account.deleted');
    expect(mails[0]?.textBody).not.toContain(marker);
  });
});

describe('retention purge job', () => {
  it('purges deleted accounts once no invoice must be kept any more', async () => {
    const withoutInvoices = await signedInCustomer(ctx.app, ctx.db);
    expect((await deleteAccount(withoutInvoices.bearer)).statusCode).toBe(204);
    const withInvoice = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await paidInvoiceFor(withInvoice.user.id);
    expect((await deleteAccount(withInvoice.bearer)).statusCode).toBe(204);
    // Issued in 2016: kept until 2024-12-31, so its period has ended.
    const withOldInvoice = await signedInCustomer(ctx.app, ctx.db);
    const oldInvoice = await paidInvoiceFor(withOldInvoice.user.id, '2016-05-02');
    await openTicketAs(ctx.app, withOldInvoice.bearer);
    expect((await deleteAccount(withOldInvoice.bearer)).statusCode).toBe(204);

    expect(await ctx.app.jobs.runDue('account.retention-purge')).toBe(true);
    expect(await ctx.db.select().from(users).where(eq(users.id, withoutInvoices.user.id))).toEqual([]);
    expect(await ctx.db.select().from(users).where(eq(users.id, withInvoice.user.id))).toHaveLength(1);
    expect(await ctx.db.select().from(invoices).where(eq(invoices.id, invoice.id))).toHaveLength(1);
    expect(await ctx.db.select().from(customers).where(eq(customers.id, withOldInvoice.user.id))).toEqual([]);
    expect(await ctx.db.select().from(users).where(eq(users.id, withOldInvoice.user.id))).toEqual([]);
    expect(await ctx.db.select().from(invoices).where(eq(invoices.id, oldInvoice.id))).toEqual([]);
    const [{ count } = { count: 0 }] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`${customers.deletedAt} is not null`);
    expect(count).toBeGreaterThan(0);
  });
});
