/**
 * The ceilings, started by bench/run.ts: `bare-server.ts <port> [envelope | raw-pg]`.
 * Without a variant: a bare Fastify route, no plugins, no database — the baseline.
 * `envelope`: the same route in the envelope every API answer must carry whatever it does — the
 * request's logger and id (as `app.ts` makes them) and the API's security headers (ADR 0029-c).
 * The distance between the two is what no route can win back; the distance from the envelope
 * to `/me` is the portal's own work (authentication, the session, the answer).
 * `raw-pg` (DATABASE_URL): one raw pg trip — the SQL of the invoice list's first page
 * (`firstPageOfInvoicesQuery`), prepared, through a pg pool alone, its rows (as arrays, as drizzle
 * asks pg for them) answered as JSON by a bare route. What a list page costs before any of the
 * portal's work: `/invoices` is measured against it.
 */
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import Fastify from 'fastify';
import pg from 'pg';
import type { Database } from '../src/db/client';
import { firstPageOfInvoicesQuery } from '../src/modules/invoices/invoices.repository';
import { apiSecurityHeaders } from '../src/plugins/security';

const [port, variant] = process.argv.slice(2);
const envelope = variant === 'envelope';
const app = Fastify(envelope ? { logger: { level: 'warn' }, genReqId: () => randomUUID() } : { logger: false });
if (envelope) {
  const headers = apiSecurityHeaders(false);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.headers(headers);
    done();
  });
}
app.get('/hello', async () => ({ hello: 'world' }));
if (variant === 'raw-pg') {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  // drizzle only writes the SQL here; the trips go through the pool alone.
  const { sql: text, params } = firstPageOfInvoicesQuery(drizzle(pool) as unknown as Database).toSQL();
  const customer = await pool.query<{ customer_id: string }>('select customer_id from invoices limit 1');
  const given: Record<string, unknown> = { customerId: customer.rows[0]?.customer_id, limit: 26 };
  const values = params.map((param) => given[(param as { name: string }).name]);
  app.get('/page', async () => {
    const { rows } = await pool.query({ name: 'raw_first_page', text, values, rowMode: 'array' });
    return { items: rows.slice(0, 25), nextCursor: null, hasMore: rows.length > 25 };
  });
}
await app.listen({ host: '127.0.0.1', port: Number(port ?? 4195) });
console.log('listening');
