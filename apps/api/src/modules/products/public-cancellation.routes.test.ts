import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer } from '../../../test/factories';
import { createProduct } from '../../../test/product-factories';
import { publicCancellationRequests, securityEvents } from '../../db/schema/index';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import type { CustomerId } from '../customers/customer-id';
import { earliestEndDate } from './contract-terms';
import { findCustomerProduct } from './products.repository';
import { PUBLIC_CANCELLATION_LIMIT } from './products.routes';
import { OWNER_NOTICES_PER_DAY, PUBLIC_RECEIPT_CAPS, receiptAllowed } from './public-cancellation.service';
import { matchReceivedDeclarations } from './public-cancellation-matching';

const ctx = useTestApp();
const terms = { startDate: '2025-01-01', minimumTermMonths: 12, noticePeriodMonths: 3, renewalMonths: 12 };

let clients = 0;
/** Each call comes from its own address unless given one, so only the throttling tests meet the limits. */
const submit = (
  payload: Record<string, unknown>,
  remoteAddress = `10.0.${Math.floor(++clients / 250)}.${clients % 250}`,
) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/cancellations',
    payload,
    remoteAddress,
    headers: { 'user-agent': 'StrangerBrowser/1.0' },
  });

/** What the job does a few seconds after the answer. */
const runMatching = () => matchReceivedDeclarations(ctx.db, ctx.app.counters);

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function declarationOf(reference: string) {
  const [row] = await ctx.db
    .select()
    .from(publicCancellationRequests)
    .where(eq(publicCancellationRequests.reference, reference));
  return row;
}

async function templatesTo(address: string) {
  return (await findEmailsTo(ctx.db, address)).map((mail) => mail.template);
}

async function statusOf(customerId: CustomerId, productId: string) {
  return (await findCustomerProduct(ctx.db, customerId, productId))?.status;
}

describe('POST /public/cancellations (§312k BGB): who may end a contract', () => {
  it("leaves the contract untouched when a stranger sends another customer's numbers with their own address, and tells the owner", async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, owner.user.id);
    const stranger = unique('stranger');

    for (const type of ['ordinary', 'extraordinary'] as const) {
      const response = await submit({
        type,
        reason: type === 'extraordinary' ? 'Vertrauen zerstört' : undefined,
        name: 'Mallory',
        customerNumber: owner.user.customerNumber,
        email: stranger,
        contract: product.contractNumber,
      });
      expect(response.statusCode).toBe(202);
    }
    await runMatching();

    expect(await statusOf(owner.user.id, product.id)).toBe('active');
    // The stranger gets the receipt of what they sent, nothing more.
    const receipts = await findEmailsTo(ctx.db, stranger);
    expect(receipts.map((mail) => mail.template)).toEqual([
      'cancellation.public-receipt',
      'cancellation.public-receipt',
    ]);
    // The registered address hears of it at once, and nothing was confirmed to it.
    const ownerMails = await findEmailsTo(ctx.db, owner.user.email);
    expect(ownerMails.map((mail) => mail.template)).toEqual([
      'cancellation.declaration-notice',
      'cancellation.declaration-notice',
    ]);
    expect(ownerMails[0]?.textBody).toContain(product.contractNumber);
    expect(ownerMails[0]?.textBody).toContain('Falls nicht, wenden Sie sich');
    expect(ownerMails[0]?.textBody).not.toContain(stranger);

    // The owner's security log says a declaration came through the form, without the sender's traces.
    const log = await ctx.app.inject({ url: '/api/v1/account/security-events', headers: owner.bearer });
    const entries = log
      .json<{ items: Array<{ type: string; ipAddress: string | null; userAgent: string | null; details: object }> }>()
      .items.filter((entry) => entry.type === 'cancellation.declaration_received');
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({ ipAddress: null, userAgent: null });
      expect(entry.details).toMatchObject({ channel: 'public_form', contractNumber: product.contractNumber });
      expect(JSON.stringify(entry)).not.toContain('StrangerBrowser');
    }
    expect(log.json<{ items: Array<{ type: string }> }>().items.map((entry) => entry.type)).not.toContain(
      'product.cancelled',
    );
  });

  it('applies an ordinary declaration from the registered address (trimmed, any case) to the earliest date', async () => {
    const owner = await createCustomer(ctx.db, { email: unique('Owner') });
    const product = await createProduct(ctx.db, owner.id);
    const response = await submit({
      type: 'ordinary',
      name: 'Test Kunde',
      customerNumber: owner.customerNumber,
      email: `  ${owner.email.toUpperCase()} `,
      contract: `Vertrag ${product.contractNumber.toLowerCase()}`,
      endDate: today(),
    });
    expect(response.statusCode).toBe(202);
    await runMatching();

    expect(await statusOf(owner.id, product.id)).toBe('cancellation_pending');
    expect(await declarationOf(response.json().reference)).toMatchObject({
      status: 'applied',
      customerId: owner.id,
      productId: product.id,
    });
    const mails = await findEmailsTo(ctx.db, owner.email);
    const confirmation = mails.find((mail) => mail.template === 'cancellation.confirmed');
    const [year, month, day] = earliestEndDate(terms, today()).split('-');
    expect(confirmation?.textBody).toContain(`${day}.${month}.${year}`);
    expect(confirmation?.textBody).toContain('nicht erklärt');
    expect(mails.find((mail) => mail.template === 'cancellation.public-receipt')?.textBody).toContain(
      response.json().reference,
    );
  });

  it('holds a declaration whose customer number belongs to someone else, and tells both customers', async () => {
    const owner = await createCustomer(ctx.db);
    const other = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, owner.id);
    await submit({
      type: 'ordinary',
      name: 'Test',
      customerNumber: other.customerNumber,
      email: owner.email,
      contract: product.contractNumber,
    });
    await runMatching();
    expect(await statusOf(owner.id, product.id)).toBe('active');
    for (const customer of [owner, other]) {
      expect(await templatesTo(customer.email)).toContain('cancellation.declaration-notice');
    }
  });

  it('holds every extraordinary declaration for review, even from the registered address', async () => {
    const owner = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, owner.id);
    const response = await submit({
      type: 'extraordinary',
      reason: 'Dauerhafte Störung',
      name: 'Test Kunde',
      customerNumber: owner.customerNumber,
      email: owner.email,
      contract: product.contractNumber,
    });
    await runMatching();
    expect(await statusOf(owner.id, product.id)).toBe('active');
    expect(await declarationOf(response.json().reference)).toMatchObject({
      status: 'pending_review',
      customerId: owner.id,
      productId: product.id,
      cancellationId: null,
    });
    expect(await templatesTo(owner.email)).toContain('cancellation.declaration-notice');
  });

  it('holds a second declaration for a contract already cancelled instead of applying it twice', async () => {
    const owner = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, owner.id);
    const payload = { type: 'ordinary', name: 'Test Kunde', email: owner.email, contract: product.contractNumber };
    const first = await submit(payload);
    const second = await submit(payload);
    await runMatching();
    expect((await declarationOf(first.json().reference))?.status).toBe('applied');
    expect((await declarationOf(second.json().reference))?.status).toBe('pending_review');
  });
});

describe('POST /public/cancellations: the answer says nothing', () => {
  // This is also why a known contract cannot answer later than an unknown one: the answer does the
  // same work for both (counters, one insert, the receipt) and the contract is looked at only by
  // the job. A test comparing millisecond medians proved nothing more and failed on a busy machine.
  it('answers a matching and a non-matching declaration alike and matches only afterwards', async () => {
    const owner = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, owner.id);
    const base = { type: 'ordinary', name: 'Test Kunde', contract: product.contractNumber };
    const matched = await submit({ ...base, customerNumber: owner.customerNumber, email: owner.email });
    const unmatched = await submit({ ...base, customerNumber: '99999', email: unique('nobody') });

    for (const response of [matched, unmatched]) {
      expect(response.statusCode).toBe(202);
      expect(Object.keys(response.json()).sort()).toEqual(['receivedAt', 'reference']);
      expect(response.json().reference).toMatch(/^K-[A-Z2-9]{10}$/);
    }
    const headerNames = (response: typeof matched) =>
      Object.keys(response.headers)
        .filter((name) => !['date', 'x-request-id'].includes(name))
        .sort();
    expect(headerNames(matched)).toEqual(headerNames(unmatched));
    expect(matched.headers['content-length']).toBe(unmatched.headers['content-length']);

    // Nothing about the contract is looked at while answering: both wait, untouched, for the job.
    for (const response of [matched, unmatched]) {
      expect(await declarationOf(response.json().reference)).toMatchObject({ status: 'received', customerId: null });
    }
    expect(await statusOf(owner.id, product.id)).toBe('active');
    expect(await templatesTo(owner.email)).toEqual(['cancellation.public-receipt']);

    await runMatching();
    expect((await declarationOf(matched.json().reference))?.status).toBe('applied');
    expect((await declarationOf(unmatched.json().reference))?.status).toBe('pending_review');
  });
});

describe('POST /public/cancellations: no mail cannon', () => {
  it('caps the receipts to one recipient per day and still records every declaration', async () => {
    const target = unique('victim');
    const payload = { type: 'ordinary', name: 'Kaufen Sie jetzt!', email: target, contract: 'irgendwas' };
    const references: string[] = [];
    for (let i = 0; i < PUBLIC_RECEIPT_CAPS.perRecipientPerDay + 2; i++) {
      const response = await submit({ ...payload, email: i % 2 ? target.toUpperCase() : target });
      expect(response.statusCode).toBe(202);
      references.push(response.json().reference);
    }
    expect(await findEmailsTo(ctx.db, target)).toHaveLength(PUBLIC_RECEIPT_CAPS.perRecipientPerDay);
    const stored = await Promise.all(references.map(declarationOf));
    expect(stored.map((row) => row?.receiptSent)).toEqual([
      ...Array(PUBLIC_RECEIPT_CAPS.perRecipientPerDay).fill(true),
      false,
      false,
    ]);
  });

  it('caps the receipts sent on behalf of one client address per day, whatever the recipients', async () => {
    // The form's 10-minute throttle per client address stops a burst first; this bounds a whole day.
    const client = '198.51.100.23';
    const allowed: boolean[] = [];
    for (let i = 0; i < PUBLIC_RECEIPT_CAPS.perClientPerDay + 2; i++) {
      allowed.push(await receiptAllowed(ctx.app.counters, unique(`r${i}`), client));
    }
    expect(allowed).toEqual([...Array(PUBLIC_RECEIPT_CAPS.perClientPerDay).fill(true), false, false]);
    expect(await receiptAllowed(ctx.app.counters, unique('other'), '198.51.100.24')).toBe(true);
  });

  it('caps the notices to one account holder per day; the security log still records each declaration', async () => {
    const owner = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, owner.id);
    for (let i = 0; i < OWNER_NOTICES_PER_DAY + 2; i++) {
      await submit({ type: 'ordinary', name: 'Spam', email: unique('spam'), contract: product.contractNumber });
    }
    await runMatching();
    const notices = (await findEmailsTo(ctx.db, owner.email)).filter(
      (mail) => mail.template === 'cancellation.declaration-notice',
    );
    expect(notices).toHaveLength(OWNER_NOTICES_PER_DAY);
    const logged = await ctx.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, owner.id), eq(securityEvents.type, 'cancellation.declaration_received')));
    expect(logged).toHaveLength(OWNER_NOTICES_PER_DAY + 2);
  });

  it('throttles one client address after a few declarations', async () => {
    const payload = { type: 'ordinary', name: 'Spam', email: unique('spam'), contract: 'V-000000' };
    for (let i = 0; i < PUBLIC_CANCELLATION_LIMIT.max; i++) {
      expect((await submit(payload, '192.0.2.7')).statusCode).toBe(202);
    }
    expectProblem(await submit(payload, '192.0.2.7'), 429, 'rate_limited');
    expect((await submit(payload, '192.0.2.8')).statusCode).toBe(202);
  });

  it('names invalid fields and asks a reason for an extraordinary cancellation', async () => {
    const response = await submit({ type: 'extraordinary', name: '', email: 'kein-mail', contract: 'V-1' });
    const paths = expectProblem(response, 400, 'validation_failed').errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'reason']));
  });
});
