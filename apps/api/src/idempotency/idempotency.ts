import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { AppError } from '../lib/app-error';
import type { AuthContext } from '../plugins/auth';
import { claimKey, findKey, type KeyClaim, releaseKey, storeAnswer } from './idempotency.repository';

/** Sent with every answer that repeats a stored one. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const claims = new WeakMap<FastifyRequest, KeyClaim>();

/** The operation and what was sent: the same key with any other request is refused. */
function requestHashOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on a creating POST (ADR 0021), the way Stripe does it: the first request
 * with a key runs and its 2xx answer is stored for 24 hours; a retry with the same key and the
 * same request gets that answer again (`Idempotent-Replayed: true`) without running twice; the
 * same key with another request is 422 `idempotency_key_reused`; while the first still runs, 409
 * `idempotency_key_in_use`. Refusals and errors are not stored, so a corrected retry may reuse
 * the key. Keys belong to the customer: nobody else's key can collide or replay.
 */
export function idempotencyHooks(app: FastifyInstance): {
  preHandler: preHandlerHookHandler;
  onSend: onSendHookHandler;
} {
  return {
    async preHandler(request, reply) {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key === '') return;
      const auth = (request as FastifyRequest & { auth: AuthContext }).auth;
      const claim = { customerId: auth.customerId, key };
      const hash = requestHashOf(request);
      if (await claimKey(app.db, claim, hash, app.now())) {
        claims.set(request, claim);
        return;
      }
      const earlier = await findKey(app.db, claim);
      if (earlier && earlier.requestHash !== hash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for another request.');
      }
      if (!earlier || earlier.status === null || earlier.responseBody === null) {
        throw new AppError('idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress.');
      }
      reply
        .status(earlier.status)
        .header('content-type', earlier.contentType ?? 'application/json; charset=utf-8')
        .header(REPLAYED_HEADER, 'true');
      return reply.send(earlier.responseBody);
    },
    async onSend(request, reply, payload) {
      const claim = claims.get(request);
      if (!claim) return payload;
      claims.delete(request);
      if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
        const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
        await storeAnswer(app.db, claim, { status: reply.statusCode, body: payload, contentType });
      } else {
        await releaseKey(app.db, claim);
      }
      return payload;
    },
  };
}
