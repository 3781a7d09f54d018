/**
 * The ceilings, started by bench/run.ts: `bare-server.ts <port> [envelope]`.
 * Without `envelope`: a bare Fastify route, no plugins, no database — the baseline.
 * With it: the same route in the envelope every API answer must carry whatever it does — the
 * request's logger and id (as `app.ts` makes them) and the API's security headers (ADR 0029-c).
 * The distance between the two is what no route can win back; the distance from the envelope
 * to `/me` is the portal's own work (authentication, the session, the answer).
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
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
await app.listen({ host: '127.0.0.1', port: Number(port ?? 4195) });
console.log('listening');
