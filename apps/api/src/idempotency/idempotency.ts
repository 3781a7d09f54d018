import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { AppError } from '../lib/app-error';
import { uploadedFiles } from '../lib/multipart';
import type { SecretBox } from '../lib/secret-box';
import type { AuthContext } from '../plugins/auth';
import { claimKey, findKey, type KeyClaim, releaseKey, storeAnswer } from './idempotency.repository';

/** Sent with every answer that repeats a stored one. */
export const REPLAYED_HEADER = 'idempotent-replayed';

const claims = new WeakMap<FastifyRequest, KeyClaim>();

/** A stored answer opens only for the customer and key it was stored under. */
const aadOf = (claim: KeyClaim) => `${claim.customerId} ${claim.key}`;

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Encrypts stored answers at rest: some carry a secret shown once (a new API token, a webhook
     * signing secret), which must not sit readable in the database for a day.
     */
    idempotencyBox: SecretBox;
  }
}

/**
 * The operation and what was sent (a multipart body's files by their hashes): the same key with
 * any other request is refused.
 */
function requestHashOf(request: FastifyRequest): string {
  const files = uploadedFiles(request)?.map((file) => [file.filename, file.sha256]);
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .update(files ? `\n${JSON.stringify(files)}` : '')
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
      const body = earlier?.responseBody ? app.idempotencyBox.open(earlier.responseBody, aadOf(claim)) : undefined;
      if (!earlier || earlier.status === null || body === undefined) {
        throw new AppError('idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress.');
      }
      reply
        .status(earlier.status)
        .header('content-type', earlier.contentType ?? 'application/json; charset=utf-8')
        .header(REPLAYED_HEADER, 'true');
      return reply.send(body);
    },
    async onSend(request, reply, payload) {
      const claim = claims.get(request);
      if (!claim) return payload;
      claims.delete(request);
      if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
        const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
        const body = app.idempotencyBox.seal(payload, aadOf(claim));
        await storeAnswer(app.db, claim, { status: reply.statusCode, body, contentType });
      } else {
        await releaseKey(app.db, claim);
      }
      return payload;
    },
  };
}
