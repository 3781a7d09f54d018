import type { TAdminContractDetail, TContractDocument, TProductDetail } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { bookThroughApi, createProduct } from '../../../test/product-factories';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { asCustomerId } from '../customers/customer-id';
import { applyDueContractChanges } from './contracts-admin.service';

const ctx = useTestApp();

function dayAfter(date: string, days: number) {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

const change = (overrides: Record<string, unknown> = {}) => ({
  effectiveDate: dayAfter(today(), 40),
  price: { amount: 24_900, interval: 'monthly' },
  minimumTermMonths: 12,
  noticePeriodMonths: 3,
  renewalMonths: 12,
  reason: 'Gestiegene Energiekosten',
  ...overrides,
});

const unknown = '00000000-0000-4000-8000-000000000000';

async function auditOf(customerId: string) {
  const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
  const audit = await ctx.app.inject({
    url: `/api/v1/admin/audit-events?customerId=${customerId}`,
    headers: admin.bearer,
  });
  return audit.json().items as Array<Record<string, unknown>>;
}

async function securityEvents(bearer: Record<string, string>) {
  const events = await ctx.app.inject({ url: '/api/v1/account/security-events', headers: bearer });
  return events.json().items as Array<Record<string, unknown>>;
}

describe('back office: moving the end of a contract', () => {
  it('moves a pending end, lets an ended contract run again, tells the customer and logs it', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, asCustomerId(customer.user.id));
    const url = `/api/v1/admin/contracts/${product.id}/end`;
    const first = dayAfter(today(), 30);
    const ended = await ctx.app.inject({
      method: 'POST',
      url,
      headers: admin.bearer,
      payload: { endDate: first, reason: 'Produkt wird eingestellt' },
    });
    expect(ended.statusCode, ended.body).toBe(200);

    const later = dayAfter(today(), 90);
    const moved = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: admin.bearer,
      payload: { endDate: later, reason: 'Auf Wunsch des Kunden <bis zum Umzug>' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<TAdminContractDetail>()).toMatchObject({
      status: 'cancellation_pending',
      endDate: later,
      cancellation: { effectiveDate: later, reason: 'Produkt wird eingestellt', byProvider: true },
    });
    const seen = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: customer.bearer });
    expect(seen.json<TProductDetail>()).toMatchObject({ status: 'cancellation_pending', endDate: later });
    const mails = await findEmailsTo(ctx.db, customer.user.email);
    const notice = mails.find((mail) => mail.subject.includes('Neues Vertragsende'));
    expect(notice?.textBody).toContain('Auf Wunsch des Kunden <bis zum Umzug>');
    expect(notice?.textBody).toContain(`${first.slice(8, 10)}.${first.slice(5, 7)}.${first.slice(0, 4)}`);

    expect((await auditOf(customer.user.id))[0]).toMatchObject({
      action: 'moveContractEnd',
      subjectId: product.id,
      before: { endDate: first, status: 'cancellation_pending' },
      after: { endDate: later },
    });
    expect(await securityEvents(customer.bearer)).toContainEqual(
      expect.objectContaining({
        type: 'account.changed_by_provider',
        details: expect.objectContaining({ action: 'moveContractEnd' }),
      }),
    );

    // A correction into the past ends it; a day ahead lets it run again.
    const past = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: admin.bearer,
      payload: { endDate: '2025-06-30', reason: 'Falsches Datum erfasst' },
    });
    expect(past.statusCode, past.body).toBe(200);
    expect(past.json<TAdminContractDetail>()).toMatchObject({ status: 'ended', endDate: '2025-06-30' });
    const again = await ctx.app.inject({
      method: 'PUT',
      url,
      headers: admin.bearer,
      payload: { endDate: later, reason: 'Kunde verlängert' },
    });
    expect(again.json<TAdminContractDetail>()).toMatchObject({ status: 'cancellation_pending', endDate: later });
    // Each mail tells the dates in the tense of the day of the move.
    const notices = (await findEmailsTo(ctx.db, customer.user.email)).map((mail) => mail.textBody);
    const german = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
    expect(notices.find((text) => text.includes('Falsches Datum erfasst'))).toContain(
      `endet nicht wie bisher mitgeteilt zum ${german(later)}, sondern endete bereits am 30.06.2025.`,
    );
    expect(notices.find((text) => text.includes('Kunde verlängert'))).toContain(
      `endete nicht wie bisher mitgeteilt am 30.06.2025, sondern läuft bis zum ${german(later)} weiter.`,
    );
  });

  it('refuses a running contract, a day before the start or the same day; wrong roles 403, unknown 404', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, asCustomerId(customer.user.id));
    const url = `/api/v1/admin/contracts/${product.id}/end`;
    const put = (headers: Record<string, string>, endDate: string, target = url) =>
      ctx.app.inject({ method: 'PUT', url: target, headers, payload: { endDate, reason: 'Korrektur' } });
    const end = dayAfter(today(), 30);

    expectProblem(await put(admin.bearer, end), 409, 'conflict');
    await ctx.app.inject({ method: 'POST', url, headers: admin.bearer, payload: { endDate: end, reason: 'Ende' } });
    for (const who of [customer, support, billing]) expectProblem(await put(who.bearer, end), 403, 'forbidden');
    expectProblem(await put(admin.bearer, end, `/api/v1/admin/contracts/${unknown}/end`), 404, 'not_found');
    const early = expectProblem(await put(admin.bearer, '2024-12-31'), 400, 'validation_failed') as {
      errors?: Array<{ path: string; code: string }>;
    };
    expect(early.errors?.[0]).toMatchObject({ path: 'endDate', code: 'beforeStart' });
    const same = expectProblem(await put(admin.bearer, end), 400, 'validation_failed') as {
      errors?: Array<{ path: string; code: string }>;
    };
    expect(same.errors?.[0]).toMatchObject({ path: 'endDate', code: 'sameEndDate' });
    const detail = await ctx.app.inject({ url: `/api/v1/admin/contracts/${product.id}`, headers: admin.bearer });
    expect(detail.json<TAdminContractDetail>().endDate).toBe(end);
  });
});

describe('back office: cancelling a waiting change', () => {
  const documentsOf = async (productId: string, bearer: Record<string, string>) =>
    (await ctx.app.inject({ url: `/api/v1/products/${productId}/documents`, headers: bearer })).json<{
      items: TContractDocument[];
    }>().items;

  it("takes the change and its document version back: the customer's contract and documents are as before", async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const productId = await bookThroughApi(ctx.app, admin, customer.user.id);
    const before = await documentsOf(productId, customer.bearer);
    const detailBefore = (
      await ctx.app.inject({ url: `/api/v1/products/${productId}`, headers: customer.bearer })
    ).json<TProductDetail>();

    const changed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/contracts/${productId}/changes`,
      headers: admin.bearer,
      payload: change(),
    });
    expect(changed.statusCode, changed.body).toBe(201);
    const waiting = changed.json<TAdminContractDetail>().changes[0];
    expect(waiting).toMatchObject({ inEffect: false, version: 2 });
    expect((await documentsOf(productId, customer.bearer)).length).toBe(before.length + 1);

    const cancelled = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/contracts/${productId}/changes/${waiting?.id}`,
      headers: admin.bearer,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<TAdminContractDetail>()).toMatchObject({ changes: [], price: { amount: 19_900 } });
    expect(await documentsOf(productId, customer.bearer)).toEqual(before);
    expect(before.filter((document) => document.kind === 'order_confirmation')).toMatchObject([{ current: true }]);
    const detailAfter = await ctx.app.inject({ url: `/api/v1/products/${productId}`, headers: customer.bearer });
    expect(detailAfter.json<TProductDetail>()).toEqual(detailBefore);

    // Nothing is left for the job to apply on the day.
    await applyDueContractChanges(ctx.db, new Date(`${dayAfter(today(), 41)}T12:00:00Z`));
    const later = await ctx.app.inject({ url: `/api/v1/products/${productId}`, headers: customer.bearer });
    expect(later.json<TProductDetail>().price.amount).toBe(19_900);

    const mails = await findEmailsTo(ctx.db, customer.user.email);
    expect(mails.map((mail) => mail.subject)).toContainEqual(expect.stringContaining('Vertragsänderung entfällt'));
    expect((await auditOf(customer.user.id))[0]).toMatchObject({
      action: 'cancelContractChange',
      subjectId: productId,
      before: { changeId: waiting?.id, version: 2, priceCents: 24_900 },
    });
    expect(await securityEvents(customer.bearer)).toContainEqual(
      expect.objectContaining({ details: expect.objectContaining({ action: 'cancelContractChange' }) }),
    );

    // A new change may wait again and gets the freed version number.
    const anew = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/contracts/${productId}/changes`,
      headers: admin.bearer,
      payload: change(),
    });
    expect(anew.statusCode, anew.body).toBe(201);
    expect(anew.json<TAdminContractDetail>().changes).toMatchObject([{ version: 2, inEffect: false }]);
  });

  it('refuses a change in effect (409); wrong roles 403; unknown contract or change, or another contract, 404', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, asCustomerId(customer.user.id));
    const other = await createProduct(ctx.db, asCustomerId(customer.user.id));
    const applied = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/contracts/${product.id}/changes`,
      headers: admin.bearer,
      payload: change({ effectiveDate: today() }),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const changeId = applied.json<TAdminContractDetail>().changes[0]?.id;
    const remove = (headers: Record<string, string>, contractId: string, id: string | undefined) =>
      ctx.app.inject({ method: 'DELETE', url: `/api/v1/admin/contracts/${contractId}/changes/${id}`, headers });

    for (const who of [customer, support, billing]) {
      expectProblem(await remove(who.bearer, product.id, changeId), 403, 'forbidden');
    }
    expectProblem(await remove(admin.bearer, unknown, changeId), 404, 'not_found');
    expectProblem(await remove(admin.bearer, product.id, unknown), 404, 'not_found');
    expectProblem(await remove(admin.bearer, other.id, changeId), 404, 'not_found');
    expectProblem(await remove(admin.bearer, product.id, changeId), 409, 'conflict');
    const detail = await ctx.app.inject({ url: `/api/v1/admin/contracts/${product.id}`, headers: admin.bearer });
    expect(detail.json<TAdminContractDetail>()).toMatchObject({
      price: { amount: 24_900 },
      changes: [{ inEffect: true }],
    });
  });
});
