/**
 * Database round trips per page view (#19): with the caller's session cached, /me needs none and
 * the first page of a customer list exactly one (the page's prepared statement). Counted where
 * the driver is called (the pg pool, or PGlite), for the request alone: background work of the
 * instance (write-behind, the global ceiling's sync) runs outside the request's async context.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { type SignedIn, signedInCustomer, signedInStaff } from '../../test/factories';
import { issueInvoiceFor } from '../../test/invoice-factories';
import { createProduct } from '../../test/product-factories';
import { waitFor } from '../../test/scale-out.helpers';
import { asCustomerId } from '../modules/customers/customer-id';

const ctx = useTestApp({ SESSION_CACHE_SECONDS: '30' });

const request = new AsyncLocalStorage<{ trips: number }>();
let restore: () => void = () => {};

beforeAll(() => {
  // The pool (PostgreSQL) or the embedded database: both are reached through `query` (and PGlite's `exec`).
  const driver = (ctx.db as unknown as { $client: Record<string, unknown> }).$client;
  const originals = new Map<string, unknown>();
  for (const method of ['query', 'exec']) {
    const original = driver[method];
    if (typeof original !== 'function') continue;
    originals.set(method, original);
    driver[method] = function counted(this: unknown, ...args: unknown[]) {
      const counter = request.getStore();
      if (counter) counter.trips++;
      return original.apply(this, args);
    };
  }
  restore = () => {
    for (const [method, original] of originals) driver[method] = original;
  };
});
afterAll(() => restore());

async function tripsOf(url: string, caller: SignedIn) {
  const counter = { trips: 0 };
  // inject answers a lazy chain: awaited inside `run`, the request starts in the counter's context.
  const response = await request.run(counter, async () => await ctx.app.inject({ url, headers: caller.bearer }));
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return counter.trips;
}

/** A customer with invoices and a product, signed in, with the session cached where there is a cache. */
async function customerWithData() {
  const staff = await signedInStaff(ctx.app, ctx.db);
  const customer = await signedInCustomer(ctx.app, ctx.db);
  await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-02-01' });
  await issueInvoiceFor(ctx.app, staff, customer.user.id, { issueDate: '2026-03-01' });
  await createProduct(ctx.db, asCustomerId(customer.user.id));
  if (ctx.database.kind === 'postgres') {
    await waitFor('the cache to listen', async () => ctx.app.sessionCache?.usable, 5_000);
  }
  await tripsOf('/api/v1/me', customer);
  return customer;
}

const LISTS = ['/api/v1/invoices', '/api/v1/tickets', '/api/v1/products'];

describe('database round trips per page view', () => {
  it('answers /me from the cache without a trip, and the first page of a list in one', async () => {
    const customer = await customerWithData();
    if (ctx.database.kind === 'pglite') {
      // No LISTEN on the embedded database, so no session cache: every request reads its session.
      expect(ctx.app.sessionCache).toBeUndefined();
      const session = await tripsOf('/api/v1/me', customer);
      expect(session).toBeGreaterThan(0);
      for (const list of LISTS) expect(await tripsOf(list, customer), list).toBe(session + 1);
      return;
    }
    expect(await tripsOf('/api/v1/me', customer)).toBe(0);
    for (const list of LISTS) expect(await tripsOf(list, customer), list).toBe(1);
  });

  it('reads the first page again with the same prepared statement, for another customer too', async () => {
    const first = await customerWithData();
    const second = await customerWithData();
    const base = ctx.database.kind === 'pglite' ? await tripsOf('/api/v1/me', first) : 0;
    for (const caller of [first, second, first]) {
      expect(await tripsOf('/api/v1/invoices', caller)).toBe(base + 1);
      const page = await ctx.app.inject({ url: '/api/v1/invoices', headers: caller.bearer });
      expect(page.json<{ items: unknown[] }>().items).toHaveLength(2);
    }
  });
});
