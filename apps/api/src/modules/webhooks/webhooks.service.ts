import type { TWebhookDelivery, TWebhookEndpoint, TWebhookEndpointCreate, TWebhookEventType } from '@portal/contracts';
import type { Database, DbOrTx } from '../../db/client';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { pageOf } from '../../lib/pagination';
import type { SecretBox } from '../../lib/secret-box';
import type { CustomerId } from '../customers/customer-id';
import { destinationRefusal, postToDestination } from './destination';
import { newWebhookSecret, signWebhook } from './signing';
import {
  claimDueDeliveries,
  deleteEndpoint,
  enqueueEvent,
  findDeliveries,
  findEndpoint,
  findEndpoints,
  insertEndpoint,
  recordAttempt,
  requeueDelivery,
} from './webhooks.repository';

/** Retries go on this long after the event (or a resend). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const TIMEOUT_MS = 5_000;

export interface WebhookSettings {
  box: SecretBox;
  production: boolean;
}

/**
 * The one way a module announces an event to the customer's systems: an outbox row per
 * subscribed endpoint, in the caller's transaction when it passes one, delivered by the job.
 */
export async function publishEvent(
  db: DbOrTx,
  customerId: CustomerId,
  type: TWebhookEventType,
  data: Record<string, unknown>,
  now = new Date(),
) {
  const payload = { type, timestamp: now.toISOString(), data };
  await enqueueEvent(db, customerId, type, payload, new Date(now.getTime() + RETRY_WINDOW_MS));
}

const toEndpoint = (row: WebhookEndpointRow): TWebhookEndpoint => ({
  id: row.id,
  url: row.url,
  events: row.events as TWebhookEventType[],
  createdAt: row.createdAt.toISOString(),
});

const toDelivery = (row: WebhookDeliveryRow): TWebhookDelivery => ({
  id: row.id,
  eventType: row.eventType as TWebhookEventType,
  status: row.status,
  attempts: row.attempts,
  lastResponseStatus: row.lastResponseStatus,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

const instantCursor = (text: string | undefined) => {
  if (text === undefined) return undefined;
  const date = new Date(Buffer.from(text, 'base64url').toString());
  if (Number.isNaN(date.getTime())) throw AppError.validation([{ path: 'query.cursor', message: 'is invalid' }]);
  return date;
};
const cursorOf = (row: { createdAt: Date }) => Buffer.from(row.createdAt.toISOString()).toString('base64url');

export async function listEndpoints(
  db: DbOrTx,
  customerId: CustomerId,
  query: { limit: number; cursor?: string | undefined },
) {
  const rows = await findEndpoints(db, customerId, query.limit + 1, instantCursor(query.cursor));
  const page = pageOf(rows, query.limit, cursorOf);
  return { items: page.rows.map(toEndpoint), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

export async function createEndpoint(
  db: DbOrTx,
  settings: WebhookSettings,
  customerId: CustomerId,
  input: TWebhookEndpointCreate,
) {
  const refusal = await destinationRefusal(input.url, settings.production);
  if (refusal) throw AppError.validation([{ path: 'url', message: 'invalid' }], `The URL is refused: ${refusal}.`);
  const secret = newWebhookSecret();
  const id = crypto.randomUUID();
  const row = await insertEndpoint(db, {
    id,
    customerId,
    url: input.url,
    events: [...new Set(input.events)],
    secretSealed: settings.box.seal(secret, id),
  });
  return { ...toEndpoint(row), secret };
}

export async function removeEndpoint(db: DbOrTx, customerId: CustomerId, endpointId: string) {
  if (!(await deleteEndpoint(db, customerId, endpointId))) throw AppError.notFound('webhook endpoint');
}

async function endpointOf(db: DbOrTx, customerId: CustomerId, endpointId: string) {
  const endpoint = await findEndpoint(db, customerId, endpointId);
  if (!endpoint) throw AppError.notFound('webhook endpoint');
  return endpoint;
}

export async function listDeliveries(
  db: DbOrTx,
  customerId: CustomerId,
  endpointId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const endpoint = await endpointOf(db, customerId, endpointId);
  const rows = await findDeliveries(db, endpoint.id, query.limit + 1, instantCursor(query.cursor));
  const page = pageOf(rows, query.limit, cursorOf);
  return { items: page.rows.map(toDelivery), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

export async function resendDelivery(db: DbOrTx, customerId: CustomerId, endpointId: string, deliveryId: string) {
  const endpoint = await endpointOf(db, customerId, endpointId);
  const row = await requeueDelivery(db, endpoint.id, deliveryId, new Date(Date.now() + RETRY_WINDOW_MS));
  if (!row) throw AppError.notFound('delivery');
  return toDelivery(row);
}

/** 30 s, 1 min, 2 min … doubling, at most 2 hours apart, for as long as the retry window lasts. */
export function nextAttemptAfter(attempts: number, now: Date, retryUntil: Date): Date | null {
  const next = new Date(now.getTime() + Math.min(30_000 * 2 ** attempts, 2 * 60 * 60 * 1000));
  return next <= retryUntil ? next : null;
}

async function attempt(settings: WebhookSettings, endpoint: WebhookEndpointRow, delivery: WebhookDeliveryRow) {
  const secret = settings.box.open(endpoint.secretSealed, endpoint.id);
  if (!secret) return { responseStatus: null, error: 'the endpoint secret cannot be read' };
  const refusal = await destinationRefusal(endpoint.url, settings.production);
  if (refusal) return { responseStatus: null, error: refusal };
  const body = JSON.stringify(delivery.payload);
  try {
    const status = await postToDestination(
      endpoint.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Kundenportal-Webhooks/1',
        ...signWebhook(secret, delivery.id, Math.floor(Date.now() / 1000), body),
      },
      { production: settings.production, timeoutMs: TIMEOUT_MS },
    );
    const ok = status >= 200 && status < 300;
    return { responseStatus: status, error: ok ? null : `answered ${status}` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const blocked = (error as NodeJS.ErrnoException).code === 'EBLOCKED';
    const reason = timedOut
      ? 'no answer within 5 seconds'
      : blocked
        ? 'the host resolves to a private, loopback or link-local address'
        : 'the connection failed';
    return { responseStatus: null, error: reason };
  }
}

/** The job `webhooks.deliver`: one attempt for each due delivery, at least once per event. */
export async function deliverDueWebhooks(db: Database, settings: WebhookSettings): Promise<number> {
  const due = await claimDueDeliveries(db, 25);
  await Promise.all(
    due.map(async ({ delivery, endpoint }) => {
      const result = await attempt(settings, endpoint, delivery);
      const delivered = result.error === null;
      await recordAttempt(db, delivery.id, {
        delivered,
        ...result,
        nextAttemptAt: delivered ? null : nextAttemptAfter(delivery.attempts, new Date(), delivery.retryUntil),
      });
    }),
  );
  return due.length;
}
