import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { AppError } from '../lib/app-error';
import { clientKey } from './client-address';
import type { Counters, LimitVerdict } from './counters';

/** A fixed-window limit on one route, per client address unless `keyGenerator` says otherwise. */
export interface RouteLimit {
  max: number;
  /** Milliseconds, or e.g. `'15 minutes'`. */
  timeWindow: number | string;
  keyGenerator?: (request: FastifyRequest) => string;
  /** `preHandler` when the key reads `request.auth` (authentication has run by then). */
  hook?: 'onRequest' | 'preHandler';
}

const UNITS: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000 };

export function windowMs(timeWindow: number | string): number {
  if (typeof timeWindow === 'number') return timeWindow;
  const match = /^(\d+)\s*(second|minute|hour)s?$/.exec(timeWindow.trim());
  const unit = match?.[2] ? UNITS[match[2]] : undefined;
  if (!match || !unit) throw new Error(`unreadable time window: ${timeWindow}`);
  return Number(match[1]) * unit;
}

/**
 * IETF `RateLimit-Policy` and `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers): the
 * route's quota `q` per window `w` seconds, what remains `r` and the seconds `t` until it resets.
 */
export function rateLimitHeaders(limit: { max: number; windowMs: number }, verdict: LimitVerdict) {
  return {
    'ratelimit-policy': `"${POLICY}";q=${limit.max};w=${Math.round(limit.windowMs / 1000)}`,
    ratelimit: `"${POLICY}";r=${Math.max(0, limit.max - verdict.current)};t=${verdict.retryAfterSeconds}`,
  };
}
const POLICY = 'route';

/** The hook counting a route's requests: one counter space per route, like `route:POST /api/v1/auth/login:<client>`. */
export function routeLimitHook(counters: Counters, route: string, limit: RouteLimit): onRequestHookHandler {
  const window = windowMs(limit.timeWindow);
  return async (request, reply) => {
    const client = limit.keyGenerator ? limit.keyGenerator(request) : clientKey(request.ip);
    const verdict = await counters.hit(`route:${route}:${client}`, { max: limit.max, windowMs: window });
    const headers = rateLimitHeaders({ max: limit.max, windowMs: window }, verdict);
    reply.headers(headers);
    if (!verdict.allowed) {
      throw new AppError(
        'rate_limited',
        'Too many requests; try again later.',
        {},
        {
          ...headers,
          'retry-after': String(verdict.retryAfterSeconds),
        },
      );
    }
  };
}
