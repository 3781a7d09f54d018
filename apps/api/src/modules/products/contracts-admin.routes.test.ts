import type {
  TAdminContractDetail,
  TAdminContractListItem,
  TContractDocument,
  TProductDetail,
} from '@portal/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { bookThroughApi, createProduct } from '../../../test/product-factories';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { asCustomerId } from '../customers/customer-id';
import { applyDueContractChanges } from './contracts-admin.service';

const ctx = useTestApp();

type Listed = { items: TAdminContractListItem[]; nextCursor: string | null; hasMore: boolean };

const change = (overrides: Record<string, unknown> = {}) => ({
  effectiveDate: today(),
  price: { amount: 24_900, interval: 'monthly' },
  minimumTermMonths: 12,
  noticePeriodMonths: 3,
  renewalMonths: 12,
  reason: 'Gestiegene Energiekosten <Strom>',
  ...overrides,
});

function dayAfter(date: string, days: number) {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

describe('back office: contracts', () => {
  it('lists every contract newest start first and finds it by number, product, customer and status', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const marker = `Kranich${Date.now()}`;
    const alice = await signedInCustomer(ctx.app, ctx.db, { name: `Alice ${marker}`, company: null });
    const bob = await signedInCustomer(ctx.app, ctx.db, { name: 'Bob', company: `${marker} GmbH` });
    const older = await createProduct(ctx.db, asCustomerId(alice.user.id), { startDate: '2025-02-01' });
    const newer = await createProduct(ctx.db, asCustomerId(bob.user.id), {
      startDate: '2025-06-01',
      name: 'Rack B-07',
    });
    const list = async (query: string) => {
      const response = await ctx.app.inject({ url: `/api/v1/admin/contracts?${query}`, headers: billing.bearer });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Listed>();
    };
    const ids = (page: Listed) => page.items.map((item) => item.id);
    const q = `q=${encodeURIComponent(marker)}`;

    const all = await list(q);
    expect(ids(all)).toEqual([newer.id, older.id]);
    expect(all.items[0]).toMatchObject({
      id: newer.id,
      contractNumber: newer.contractNumber,
      name: 'Rack B-07',
      status: 'active',
      startDate: '2025-06-01',
      price: { amount: 19_900, interval: 'monthly' },
      endDate: null,
      customerId: bob.user.id,
      customerNumber: bob.user.customerNumber,
      customerName: 'Bob',
      customerCompany: `${marker} GmbH`,
    });
    expect(ids(await list(`q=${newer.contractNumber.toLowerCase()}`))).toEqual([newer.id]);
    expect(ids(await list(`q=${alice.user.customerNumber}`))).toEqual([older.id]);

    const first = await list(`${q}&limit=1`);
    expect(first).toMatchObject({ hasMore: true, items: [{ id: newer.id }] });
    expect(await list(`${q}&limit=1&cursor=${first.nextCursor}`)).toMatchObject({
      hasMore: false,
      nextCursor: null,
      items: [{ id: older.id }],
    });

    const ended = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/contracts/${older.id}/end`,
      headers: admin.bearer,
      payload: { endDate: dayAfter(today(), 30), reason: 'Zahlungsverzug' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ids(await list(`${q}&status=cancellation_pending`))).toEqual([older.id]);
    expect(ids(await list(`${q}&status=active`))).toEqual([newer.id]);
    expect(ids(await list(`${q}&status=ended`))).toEqual([]);

    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/contracts?cursor=nope', headers: billing.bearer }),
      400,
      'validation_failed',
    );
  });

  it('lets billing read and only admins change; customers get 403, unknown ids 404', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const product = await createProduct(ctx.db, asCustomerId(customer.user.id));
    const base = `/api/v1/admin/contracts/${product.id}`;

    for (const who of [customer, support]) {
      expectProblem(await ctx.app.inject({ url: '/api/v1/admin/contracts', headers: who.bearer }), 403, 'forbidden');
      expectProblem(await ctx.app.inject({ url: base, headers: who.bearer }), 403, 'forbidden');
    }
    for (const who of [customer, support, billing]) {
      const changed = await ctx.app.inject({
        method: 'POST',
        url: `${base}/changes`,
        headers: who.bearer,
        payload: change(),
      });
      expectProblem(changed, 403, 'forbidden');
      const ended = await ctx.app.inject({
        method: 'POST',
        url: `${base}/end`,
        headers: who.bearer,
        payload: { endDate: today(), reason: 'Test' },
      });
      expectProblem(ended, 403, 'forbidden');
    }
    const read = await ctx.app.inject({ url: base, headers: billing.bearer });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<TAdminContractDetail>()).toMatchObject({
      id: product.id,
      customerId: customer.user.id,
      customerType: customer.user.customerType,
      changes: [],
      documents: [],
    });

    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(
      await ctx.app.inject({ url: `/api/v1/admin/contracts/${unknown}`, headers: admin.bearer }),
      404,
      'not_found',
    );
    for (const action of ['changes', 'end']) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/contracts/${unknown}/${action}`,
        headers: admin.bearer,
        payload: action === 'end' ? { endDate: today(), reason: 'Test' } : change(),
      });
      expectProblem(response, 404, 'not_found');
    }
  });

  it("changes price and terms today: a new document version, the customer's Produkte, e-mail, audit and security log", async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const productId = await bookThroughApi(ctx.app, admin, customer.user.id);

    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/contracts/${productId}/changes`,
      headers: admin.bearer,
      payload: change({ noticePeriodMonths: 1 }),
    });
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json<TAdminContractDetail>();
    expect(detail.price.amount).toBe(24_900);
    expect(detail.contract.noticePeriodMonths).toBe(1);
    expect(detail.changes).toEqual([
      expect.objectContaining({
        version: 2,
        effectiveDate: today(),
        inEffect: true,
        reason: 'Gestiegene Energiekosten <Strom>',
        before: expect.objectContaining({ price: expect.objectContaining({ amount: 19_900 }), noticePeriodMonths: 3 }),
        after: expect.objectContaining({ price: expect.objectContaining({ amount: 24_900 }), noticePeriodMonths: 1 }),
      }),
    ]);

    // The customer sees the change and both versions of the order confirmation, the old one archived.
    const seen = await ctx.app.inject({ url: `/api/v1/products/${productId}`, headers: customer.bearer });
    expect(seen.json<TProductDetail>()).toMatchObject({
      price: { amount: 24_900 },
      changes: [{ version: 2, effectiveDate: today(), inEffect: true }],
    });
    const documents = (
      await ctx.app.inject({ url: `/api/v1/products/${productId}/documents`, headers: customer.bearer })
    ).json<{ items: TContractDocument[] }>().items;
    const confirmations = documents.filter((document) => document.kind === 'order_confirmation');
    expect(confirmations.map((document) => [document.version.includes('/2'), document.current])).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(detail.changes[0]?.documentId).toBe(confirmations[1]?.id);
    const pdf = await ctx.app.inject({
      url: `/api/v1/admin/contracts/${productId}/documents/${confirmations[1]?.id}`,
      headers: admin.bearer,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const [mail] = await findEmailsTo(ctx.db, customer.user.email);
    expect(mail?.subject).toContain('Änderung Ihres Vertrags');
    expect(mail?.textBody).toContain('Gestiegene Energiekosten <Strom>');

    const audit = await ctx.app.inject({
      url: `/api/v1/admin/audit-events?customerId=${customer.user.id}`,
      headers: admin.bearer,
    });
    expect(audit.json().items[0]).toMatchObject({
      action: 'changeContract',
      subjectId: productId,
      before: { priceCents: 19_900, noticePeriodMonths: 3 },
      after: { priceCents: 24_900, noticePeriodMonths: 1, effectiveDate: today() },
    });
    const events = await ctx.app.inject({ url: '/api/v1/account/security-events', headers: customer.bearer });
    expect(events.json().items).toContainEqual(
      expect.objectContaining({
        type: 'account.changed_by_provider',
        details: expect.objectContaining({ action: 'changeContract' }),
      }),
    );
  });

  it('keeps a future change waiting until its day, then the job applies it; one waits at a time', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, asCustomerId(customer.user.id));
    const later = dayAfter(today(), 40);
    const url = `/api/v1/admin/contracts/${product.id}/changes`;
    const response = await ctx.app.inject({
      method: 'POST',
      url,
      headers: admin.bearer,
      payload: change({ effectiveDate: later }),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<TAdminContractDetail>()).toMatchObject({
      price: { amount: 19_900 },
      changes: [{ effectiveDate: later, inEffect: false }],
    });
    const again = await ctx.app.inject({
      method: 'POST',
      url,
      headers: admin.bearer,
      payload: change({ effectiveDate: later }),
    });
    expectProblem(again, 409, 'conflict');

    await applyDueContractChanges(ctx.db);
    const before = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: customer.bearer });
    expect(before.json().price.amount).toBe(19_900);
    await applyDueContractChanges(ctx.db, new Date(`${dayAfter(later, 1)}T12:00:00Z`));
    const after = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: customer.bearer });
    expect(after.json().price.amount).toBe(24_900);
  });

  it('refuses a past date, no change at all, terms a consumer may not have, and a contract that is not running', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db);
    const consumer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer' });
    const product = await createProduct(ctx.db, asCustomerId(consumer.user.id), {
      minimumTermMonths: 24,
      noticePeriodMonths: 1,
      renewalMonths: 0,
    });
    const post = (path: string, payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/contracts/${product.id}/${path}`,
        headers: admin.bearer,
        payload,
      });
    const consumerTerms = { minimumTermMonths: 24, noticePeriodMonths: 1, renewalMonths: 0 };

    const past = expectProblem(
      await post('changes', change({ ...consumerTerms, effectiveDate: '2020-01-01' })),
      400,
      'validation_failed',
    );
    expect(past.errors?.[0]).toMatchObject({ path: 'effectiveDate', code: 'dateInPast' });
    const same = expectProblem(
      await post('changes', change({ ...consumerTerms, price: { amount: 19_900, interval: 'monthly' } })),
      400,
      'validation_failed',
    );
    expect(same.errors?.[0]).toMatchObject({ path: 'price.amount', code: 'nothingChanged' });
    const renewing = expectProblem(
      await post('changes', change({ ...consumerTerms, renewalMonths: 12 })),
      422,
      'unprocessable',
    );
    expect(renewing.errors?.[0]?.path).toBe('renewalMonths');
    const noReason = expectProblem(await post('end', { endDate: today(), reason: ' ' }), 400, 'validation_failed');
    expect(noReason.errors?.[0]?.path).toBe('reason');
    expectProblem(await post('end', { endDate: '2020-01-01', reason: 'Test' }), 400, 'validation_failed');

    const ended = await post('end', { endDate: today(), reason: 'Kündigung wegen Zahlungsverzug' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<TAdminContractDetail>()).toMatchObject({
      status: 'cancellation_pending',
      endDate: today(),
      cancellation: { reason: 'Kündigung wegen Zahlungsverzug', byProvider: true, type: 'extraordinary' },
    });
    expectProblem(await post('end', { endDate: today(), reason: 'Noch einmal' }), 409, 'conflict');
    expectProblem(await post('changes', change(consumerTerms)), 409, 'conflict');

    // The customer sees who ended it and why, and is told by e-mail.
    const seen = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: consumer.bearer });
    expect(seen.json<TProductDetail>().cancellation).toMatchObject({ byProvider: true, effectiveDate: today() });
    const [mail] = await findEmailsTo(ctx.db, consumer.user.email);
    expect(mail?.subject).toContain('Beendigung Ihres Vertrags');
  });

  it('writes nothing when a step of the change fails: no document version, no terms, no e-mail', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, asCustomerId(customer.user.id));
    // The change row is written after the document: a failure there must take the document back too.
    await ctx.db.execute(sql`
      create or replace function refuse_contract_change() returns trigger language plpgsql as $$
      begin raise exception 'refused by test'; end $$`);
    await ctx.db.execute(sql`
      create trigger refuse_contract_change before insert on contract_changes for each row
      when (new.reason = 'FAIL') execute function refuse_contract_change()`);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/contracts/${product.id}/changes`,
      headers: admin.bearer,
      payload: change({ reason: 'FAIL' }),
    });
    expectProblem(response, 500, 'internal');
    const detail = await ctx.app.inject({ url: `/api/v1/admin/contracts/${product.id}`, headers: admin.bearer });
    expect(detail.json<TAdminContractDetail>()).toMatchObject({
      price: { amount: 19_900 },
      changes: [],
      documents: [],
    });
    expect(await findEmailsTo(ctx.db, customer.user.email)).toHaveLength(0);
    const audit = await ctx.app.inject({
      url: `/api/v1/admin/audit-events?customerId=${customer.user.id}`,
      headers: admin.bearer,
    });
    expect(audit.json().items).toEqual([]);
  });
});
