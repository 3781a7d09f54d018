import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { expectProblem, signedInCustomer } from '../../test/factories';
import { newTicket } from '../../test/tickets';
import { idempotencyKeys, tickets } from '../db/schema/index';
import type { CustomerId } from '../modules/customers/customer-id';

const ctx = useTestApp();

const openTicket = (headers: Record<string, string>, key: string, payload: Record<string, unknown> = newTicket) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { ...headers, 'idempotency-key': key }, payload });

const ticketCount = async (customerId: CustomerId) =>
  (await ctx.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.customerId, customerId))).length;

describe('Idempotency-Key on creating POSTs', () => {
  it('answers a retry with the stored answer, marked as replayed, and creates once', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const key = randomUUID();
    const first = await openTicket(customer.bearer, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const retry = await openTicket(customer.bearer, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toContain('application/json');
    expect(retry.json()).toEqual(first.json());
    expect(await ticketCount(customer.user.id)).toBe(1);
  });

  it('refuses the same key with another body (422), and keys are per customer', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const other = await signedInCustomer(ctx.app, ctx.db);
    const key = randomUUID();
    expect((await openTicket(customer.bearer, key)).statusCode).toBe(201);

    const changed = await openTicket(customer.bearer, key, { ...newTicket, subject: 'Ein anderes Anliegen' });
    expectProblem(changed, 422, 'idempotency_key_reused');

    // The other customer's key space is their own: the same key creates their ticket.
    const theirs = await openTicket(other.bearer, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets exactly one of racing requests with the same key create; the others wait (409) or replay', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const key = randomUUID();
    const answers = await Promise.all([1, 2, 3, 4].map(() => openTicket(customer.bearer, key)));
    const created = answers.filter((answer) => answer.statusCode === 201);
    const busy = answers.filter((answer) => answer.statusCode === 409);
    expect(created.length + busy.length).toBe(answers.length);
    expect(created.filter((answer) => answer.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const answer of busy) expectProblem(answer, 409, 'idempotency_key_in_use');
    expect(new Set(created.map((answer) => answer.json<{ id: string }>().id)).size).toBe(1);
    expect(await ticketCount(customer.user.id)).toBe(1);
  });

  it('answers 409 for a key whose first request has not finished', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const key = randomUUID();
    const first = await openTicket(customer.bearer, key);
    await ctx.db.update(idempotencyKeys).set({ status: null, responseBody: null }).where(eq(idempotencyKeys.key, key));
    expectProblem(await openTicket(customer.bearer, key), 409, 'idempotency_key_in_use');
    expect(first.statusCode).toBe(201);
  });

  it('forgets refusals (a corrected retry may reuse the key) and keys after 24 hours', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const key = randomUUID();
    expectProblem(await openTicket(customer.bearer, key, { ...newTicket, subject: 'x' }), 400, 'validation_failed');
    expect((await openTicket(customer.bearer, key)).statusCode).toBe(201);

    await ctx.db
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(idempotencyKeys.key, key));
    const later = await openTicket(customer.bearer, key, { ...newTicket, subject: 'Nach einem Tag wieder' });
    expect(later.statusCode).toBe(201);
    expect(await ticketCount(customer.user.id)).toBe(2);
  });

  it('replays replies and cancellations too, and the document declares the header', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = (await openTicket(customer.bearer, randomUUID())).json<{ id: string }>();
    const key = randomUUID();
    const reply = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        headers: { ...customer.bearer, 'idempotency-key': key },
        payload: { body: 'Noch eine Frage' },
      });
    expect((await reply()).statusCode).toBe(201);
    expect((await reply()).headers['idempotent-replayed']).toBe('true');

    const document = (await ctx.app.inject({ url: '/api/v1/openapi.json' })).json();
    for (const [path, operation] of [
      ['/api/v1/tickets', 'post'],
      ['/api/v1/tickets/{id}/messages', 'post'],
      ['/api/v1/products/{id}/cancellation', 'post'],
      ['/api/v1/invoices/{id}/payments', 'post'],
    ] as const) {
      const declared = document.paths[path][operation];
      expect(declared.parameters.map((parameter: { name: string }) => parameter.name)).toContain('idempotency-key');
      expect(Object.keys(declared.responses['201'].headers)).toContain('idempotent-replayed');
      expect(declared.responses['422'].content['application/problem+json']).toBeDefined();
    }
  });
});
