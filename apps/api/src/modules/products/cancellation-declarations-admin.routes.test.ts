import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createProduct } from '../../../test/product-factories';
import { publicCancellationRequests, securityEvents } from '../../db/schema/index';
import { today } from '../../lib/calendar';
import { findEmailsTo } from '../../mail/outbox.repository';
import { earliestEndDate } from './contract-terms';
import { findCustomerProduct } from './products.repository';
import { matchReceivedDeclarations } from './public-cancellation-matching';

const ctx = useTestApp();
const API = '/api/v1/admin';

let clients = 0;
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A declaration from the public form that waits for review (the address is not the registered one). */
async function pendingDeclaration(contract: string, overrides: Record<string, unknown> = {}) {
  const email = unique('declarant');
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/cancellations',
    payload: { type: 'ordinary', name: 'Erika Mustermann', email, contract, ...overrides },
    remoteAddress: `10.9.${Math.floor(++clients / 250)}.${clients % 250}`,
  });
  expect(response.statusCode).toBe(202);
  await matchReceivedDeclarations(ctx.db, ctx.app.counters);
  const [row] = await ctx.db
    .select()
    .from(publicCancellationRequests)
    .where(eq(publicCancellationRequests.reference, response.json().reference));
  if (!row) throw new Error('declaration not stored');
  return { ...row, email };
}

async function loggedFor(userId: string, type: string) {
  return ctx.db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)));
}

describe('staff: the review queue of cancellation declarations', () => {
  it('lists declarations waiting for review, oldest first, with their age', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const newer = await pendingDeclaration('Mein Serverschrank');
    const older = await pendingDeclaration('Der andere Vertrag');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await ctx.db
      .update(publicCancellationRequests)
      .set({ receivedAt: twoDaysAgo })
      .where(eq(publicCancellationRequests.id, older.id));

    const response = await ctx.app.inject({ url: `${API}/cancellation-declarations`, headers: staff.bearer });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Array<{ id: string; status: string; ageSeconds: number }> }>().items;
    const ids = items.map((item) => item.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(items.every((item) => item.status === 'pending_review')).toBe(true);
    expect(items.find((item) => item.id === older.id)?.ageSeconds).toBeGreaterThanOrEqual(2 * 86_400);
    expect(items.find((item) => item.id === older.id)).toMatchObject({ email: older.email, receiptSent: true });
  });

  it('links a declaration to a contract: it counts from its receipt, and the customer gets the end date', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await createCustomer(ctx.db);
    const terms = { startDate: '2025-01-01', minimumTermMonths: 1, noticePeriodMonths: 1, renewalMonths: 1 };
    const product = await createProduct(ctx.db, customer.id, terms);
    const declaration = await pendingDeclaration(`Colocation ${customer.name}`);
    const receivedAt = new Date(Date.now() - 40 * 86_400_000);
    await ctx.db
      .update(publicCancellationRequests)
      .set({ receivedAt })
      .where(eq(publicCancellationRequests.id, declaration.id));
    const expected = earliestEndDate(terms, today(receivedAt));
    expect(expected).not.toBe(earliestEndDate(terms, today()));

    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellation-declarations/${declaration.id}/link`,
      headers: staff.bearer,
      payload: { productId: product.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'applied', customerId: customer.id, productId: product.id });

    const linked = await findCustomerProduct(ctx.db, customer.id, product.id);
    expect(linked?.status).toBe('cancellation_pending');
    const [confirmation] = await findEmailsTo(ctx.db, customer.email);
    expect(confirmation?.template).toBe('cancellation.confirmed');
    const [year, month, day] = expected.split('-');
    expect(confirmation?.textBody).toContain(`${day}.${month}.${year}`);
    const cancellations = await ctx.app.inject({ url: `${API}/cancellations`, headers: staff.bearer });
    expect(cancellations.json().items).toContainEqual(
      expect.objectContaining({
        productId: product.id,
        effectiveDate: expected,
        receivedAt: receivedAt.toISOString(),
        channel: 'public_form',
      }),
    );
    expect(await loggedFor(staff.user.id, 'cancellation.declaration_linked')).toHaveLength(1);
    expect(await loggedFor(customer.id, 'product.cancelled')).toEqual([
      expect.objectContaining({ ipAddress: null, userAgent: null }),
    ]);

    // Decided once: a second link is a conflict, the queue no longer shows it.
    const again = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellation-declarations/${declaration.id}/link`,
      headers: staff.bearer,
      payload: { productId: product.id },
    });
    expectProblem(again, 409, 'conflict');
    const queue = await ctx.app.inject({ url: `${API}/cancellation-declarations?limit=100`, headers: staff.bearer });
    expect(queue.json().items.map((item: { id: string }) => item.id)).not.toContain(declaration.id);
  });

  it('answers 404 for an unknown declaration, 422 for an unknown contract, 409 for one already cancelled', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, customer.id, { status: 'cancellation_pending' });
    const declaration = await pendingDeclaration('V-irgendwas');
    const link = (id: string, productId: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${API}/cancellation-declarations/${id}/link`,
        headers: staff.bearer,
        payload: { productId },
      });
    const unknown = await link(declaration.id, '00000000-0000-4000-8000-000000000000');
    expect(expectProblem(unknown, 422, 'unprocessable').errors?.map((error) => error.path)).toEqual(['productId']);
    expectProblem(await link('00000000-0000-4000-8000-000000000000', product.id), 404, 'not_found');
    expectProblem(await link(declaration.id, product.id), 409, 'conflict');
  });

  it('rejects a declaration with a reason the declarant is sent', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const owner = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, owner.id);
    const declaration = await pendingDeclaration(product.contractNumber, {
      type: 'extraordinary',
      reason: 'Mir gefällt die Farbe nicht',
    });
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellation-declarations/${declaration.id}/reject`,
      headers: staff.bearer,
      payload: { reason: 'Kein wichtiger Grund <b>im Sinne</b> von §314 BGB.' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'rejected', rejectionReason: expect.stringContaining('§314') });
    expect((await findCustomerProduct(ctx.db, owner.id, product.id))?.status).toBe('active');
    const [mail] = await findEmailsTo(ctx.db, declaration.email);
    expect(mail?.template).toBe('cancellation.declaration-rejected');
    expect(mail?.textBody).toContain('Kein wichtiger Grund');
    expect(mail?.htmlBody).toContain('&lt;b&gt;');
    expect(mail?.textBody).toContain(declaration.reference);
    expect(await loggedFor(staff.user.id, 'cancellation.declaration_rejected')).toHaveLength(1);
    expect(await loggedFor(owner.id, 'cancellation.declaration_rejected')).toHaveLength(1);

    const missingReason = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellation-declarations/${declaration.id}/reject`,
      headers: staff.bearer,
      payload: { reason: ' ' },
    });
    expect(expectProblem(missingReason, 400, 'validation_failed').errors?.map((error) => error.path)).toContain(
      'reason',
    );
  });

  it('records a cancellation that came by letter, counted from its receipt date', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await createCustomer(ctx.db);
    const terms = { startDate: '2025-01-01', minimumTermMonths: 1, noticePeriodMonths: 1, renewalMonths: 1 };
    const product = await createProduct(ctx.db, customer.id, terms);
    const receivedAt = new Date(Date.now() - 40 * 86_400_000);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellations`,
      headers: staff.bearer,
      payload: { productId: product.id, type: 'ordinary', channel: 'letter', receivedAt: receivedAt.toISOString() },
    });
    expect(response.statusCode, response.body).toBe(201);
    const expected = earliestEndDate(terms, today(receivedAt));
    expect(response.json()).toMatchObject({
      productId: product.id,
      channel: 'letter',
      effectiveDate: expected,
      receivedAt: receivedAt.toISOString(),
    });
    expect((await findCustomerProduct(ctx.db, customer.id, product.id))?.status).toBe('cancellation_pending');
    const [confirmation] = await findEmailsTo(ctx.db, customer.email);
    expect(confirmation?.template).toBe('cancellation.confirmed');
    expect(await loggedFor(staff.user.id, 'cancellation.recorded')).toHaveLength(1);
    expect(await loggedFor(customer.id, 'product.cancelled')).toHaveLength(1);

    const twice = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellations`,
      headers: staff.bearer,
      payload: { productId: product.id, type: 'ordinary', channel: 'email', receivedAt: receivedAt.toISOString() },
    });
    expectProblem(twice, 409, 'conflict');
  });

  it('refuses a receipt date in the future and an extraordinary one without reason', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, customer.id);
    const future = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellations`,
      headers: staff.bearer,
      payload: {
        productId: product.id,
        type: 'ordinary',
        channel: 'email',
        receivedAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
    });
    expect(expectProblem(future, 422).errors?.map((error) => error.path)).toContain('receivedAt');
    const noReason = await ctx.app.inject({
      method: 'POST',
      url: `${API}/cancellations`,
      headers: staff.bearer,
      payload: {
        productId: product.id,
        type: 'extraordinary',
        channel: 'letter',
        receivedAt: new Date().toISOString(),
      },
    });
    expect(expectProblem(noReason, 400, 'validation_failed').errors?.map((error) => error.path)).toContain('reason');
    expect((await findCustomerProduct(ctx.db, customer.id, product.id))?.status).toBe('active');
  });

  it('answers 403 to customers on every staff route', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, customer.user.id);
    const declaration = await pendingDeclaration(product.contractNumber);
    const requests = [
      { method: 'GET' as const, url: `${API}/cancellation-declarations` },
      {
        method: 'POST' as const,
        url: `${API}/cancellation-declarations/${declaration.id}/link`,
        payload: { productId: product.id },
      },
      {
        method: 'POST' as const,
        url: `${API}/cancellation-declarations/${declaration.id}/reject`,
        payload: { reason: 'nein' },
      },
      {
        method: 'POST' as const,
        url: `${API}/cancellations`,
        payload: { productId: product.id, type: 'ordinary', channel: 'letter', receivedAt: new Date().toISOString() },
      },
    ];
    for (const request of requests) {
      expectProblem(await ctx.app.inject({ ...request, headers: customer.bearer }), 403);
    }
    expect((await findCustomerProduct(ctx.db, customer.user.id, product.id))?.status).toBe('active');
  });
});
