import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { scheduledJobs, webhookDeliveries } from '../../db/schema/index';
import { WEBHOOK_JOB } from './webhooks.routes';
import { publishEvent } from './webhooks.service';

const ctx = useTestApp();

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 as a customer's system: answers each path with the status it is told. */
const received: Received[] = [];
const statusFor = new Map<string, number>();
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      const status = statusFor.get(request.url ?? '') ?? 204;
      if (status === 302) response.writeHead(302, { location: `${base}/elsewhere` });
      else response.writeHead(status);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One run of the delivery job now, whenever it last ran. */
async function deliver() {
  await ctx.db.delete(scheduledJobs).where(eq(scheduledJobs.name, WEBHOOK_JOB));
  expect(await ctx.app.jobs.runDue(WEBHOOK_JOB)).toBe(true);
}

/** Verifies a Standard Webhooks signature the way a receiver's library does. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64');
  return String(headers['webhook-signature'])
    .split(' ')
    .some((signature) => signature === `v1,${expected}`);
}

async function registerEndpoint(headers: Record<string, string>, path: string, events = ['ticket.replied']) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/webhook-endpoints',
    headers,
    payload: { url: `${base}${path}`, events },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret: string; url: string }>();
}

describe('webhooks', () => {
  it('delivers a subscribed event signed per Standard Webhooks, once, and logs it', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const endpoint = await registerEndpoint(customer.bearer, '/signed');
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = await ctx.app.inject({ url: '/api/v1/webhook-endpoints', headers: customer.bearer });
    expect(listed.json().items).toEqual([
      { id: endpoint.id, url: endpoint.url, events: ['ticket.replied'], createdAt: expect.any(String) },
    ]);
    expect(listed.body).not.toContain(endpoint.secret);

    await publishEvent(ctx.db, customer.user.id, 'ticket.replied', { ticketId: 'a', number: 100001 });
    await publishEvent(ctx.db, customer.user.id, 'invoice.paid', { invoiceId: 'not subscribed' });
    await deliver();

    const mine = received.filter((request) => request.path === '/signed');
    expect(mine).toHaveLength(1);
    const [delivery] = mine;
    if (!delivery) throw new Error('nothing received');
    expect(verify(endpoint.secret, delivery.headers, delivery.body)).toBe(true);
    expect(verify(endpoint.secret, delivery.headers, `${delivery.body} `)).toBe(false);
    expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(delivery.body)).toEqual({
      type: 'ticket.replied',
      timestamp: expect.any(String),
      data: { ticketId: 'a', number: 100001 },
    });

    const log = await ctx.app.inject({
      url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`,
      headers: customer.bearer,
    });
    expect(log.json().items).toEqual([
      expect.objectContaining({
        id: delivery.headers['webhook-id'],
        status: 'delivered',
        attempts: 1,
        lastResponseStatus: 204,
      }),
    ]);
  });

  it('retries a failing endpoint with backoff, does not follow redirects, and resends on request', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    statusFor.set('/failing', 500);
    statusFor.set('/redirecting', 302);
    const failing = await registerEndpoint(customer.bearer, '/failing');
    const redirecting = await registerEndpoint(customer.bearer, '/redirecting');
    await publishEvent(ctx.db, customer.user.id, 'ticket.replied', { ticketId: 'b' });
    await deliver();
    expect(received.some((request) => request.path === '/elsewhere')).toBe(false);

    const logOf = async (id: string) =>
      (await ctx.app.inject({ url: `/api/v1/webhook-endpoints/${id}/deliveries`, headers: customer.bearer })).json()
        .items;
    for (const id of [failing.id, redirecting.id]) {
      const [entry] = await logOf(id);
      expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
      const wait = new Date(entry.nextAttemptAt).getTime() - Date.now();
      expect(wait).toBeGreaterThan(20_000);
      expect(wait).toBeLessThan(40_000);
    }
    const [entry] = await logOf(failing.id);
    expect(entry.lastResponseStatus).toBe(500);

    // Past its 24 hours a delivery fails for good; a resend starts it again, with the same webhook-id.
    await ctx.db
      .update(webhookDeliveries)
      .set({ retryUntil: new Date(Date.now() - 1000), nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(webhookDeliveries.id, entry.id));
    await deliver();
    expect((await logOf(failing.id))[0]).toMatchObject({ status: 'failed', attempts: 2 });

    statusFor.set('/failing', 200);
    const resend = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhook-endpoints/${failing.id}/deliveries/${entry.id}/resend`,
      headers: customer.bearer,
    });
    expect(resend.statusCode, resend.body).toBe(202);
    await deliver();
    expect((await logOf(failing.id))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    const attempts = received.filter((request) => request.path === '/failing');
    expect(new Set(attempts.map((request) => request.headers['webhook-id']))).toEqual(new Set([entry.id]));
  });

  it('carries the events of the owning modules: an issued invoice', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const staff = await signedInStaff(ctx.app, ctx.db);
    const endpoint = await registerEndpoint(customer.bearer, '/invoices', ['invoice.issued', 'invoice.paid']);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    await deliver();
    const [event] = received.filter((request) => request.path === '/invoices');
    if (!event) throw new Error('nothing received');
    expect(verify(endpoint.secret, event.headers, event.body)).toBe(true);
    expect(JSON.parse(event.body)).toMatchObject({
      type: 'invoice.issued',
      data: { invoiceId: invoice.id, number: invoice.number, total: { currency: 'EUR' } },
    });
  });

  it("keeps endpoints to their customer: another's is 404, deleting removes it", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const endpoint = await registerEndpoint(customer.bearer, '/private');
    const path = `/api/v1/webhook-endpoints/${endpoint.id}`;
    expectProblem(await ctx.app.inject({ url: `${path}/deliveries`, headers: stranger.bearer }), 404, 'not_found');
    expectProblem(await ctx.app.inject({ method: 'DELETE', url: path, headers: stranger.bearer }), 404, 'not_found');
    expect((await ctx.app.inject({ method: 'DELETE', url: path, headers: customer.bearer })).statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: `${path}/deliveries`, headers: customer.bearer }), 404, 'not_found');
  });

  it('refuses URLs that are not http(s) and unknown events', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: customer.bearer,
      payload: { url: 'file:///etc/passwd', events: ['invoice.deleted'] },
    });
    const problem = expectProblem(refused, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['events.0', 'url']);
  });
});
