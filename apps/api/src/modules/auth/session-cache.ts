/**
 * Sessions this instance has checked recently, so that a signed-in request needs no database trip
 * for its caller (ADR 0025-d). PostgreSQL tells every instance what changed: triggers on the tables
 * a caller is made of (sessions, users, customers, customer_members, totp_factors) run
 * `pg_notify('session_cache', '<kind>:<id>')` in the changing transaction, so the notice goes out
 * exactly when the change commits. The cache is usable only while the instance listens; when the
 * LISTEN connection is lost it is emptied and bypassed until LISTEN is back (fail closed).
 *
 * A fill races a change: the database read may see the old row while the change's notice is
 * already being handled. Every notice advances `generation`; a fill started before a notice is
 * dropped, so nothing read before a change outlives it here. Misses are never cached.
 */

export const SESSION_CACHE_CHANNEL = 'session_cache';

/** What a notice names: a session, a user, a customer account; `*` empties the cache (TRUNCATE). */
export type Invalidation = { kind: 's' | 'u' | 'c'; id: string } | { kind: '*' };

export function parseInvalidation(payload: string): Invalidation | undefined {
  if (payload === '*') return { kind: '*' };
  const match = /^([suc]):(.+)$/.exec(payload);
  if (!match?.[1] || !match[2]) return undefined;
  return { kind: match[1] as 's' | 'u' | 'c', id: match[2] };
}

interface Entry<T> {
  value: T;
  userId: string;
  customerId: string | null;
  /** Not served after this instant: the backstop TTL or the session's own expiry, whichever is first. */
  until: number;
}

export interface SessionCacheOptions {
  ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

export class SessionCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  #usable = false;
  #generation = 0;

  constructor(options: SessionCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /** Whether entries are served: only while the instance hears every notice. */
  get usable(): boolean {
    return this.#usable;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Taken before the database read a fill is made of. */
  get generation(): number {
    return this.#generation;
  }

  get(sessionId: string): T | undefined {
    if (!this.#usable) return undefined;
    const entry = this.#entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= this.#now()) {
      this.#entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  /**
   * Keeps what a database read found, unless a notice arrived since `generation` was taken or the
   * cache is not usable (then the read may predate a change this instance did not hear of).
   */
  fill(
    sessionId: string,
    generation: number,
    entry: { value: T; userId: string; customerId: string | null; expiresAt: Date },
  ): boolean {
    if (!this.#usable || generation !== this.#generation) return false;
    const until = Math.min(this.#now() + this.#ttlMs, entry.expiresAt.getTime());
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(sessionId, { value: entry.value, userId: entry.userId, customerId: entry.customerId, until });
    return true;
  }

  invalidate(invalidation: Invalidation): void {
    this.#generation++;
    if (invalidation.kind === '*') {
      this.#entries.clear();
      return;
    }
    if (invalidation.kind === 's') {
      this.#entries.delete(invalidation.id);
      return;
    }
    const field = invalidation.kind === 'u' ? 'userId' : 'customerId';
    for (const [sessionId, entry] of this.#entries) {
      if (entry[field] === invalidation.id) this.#entries.delete(sessionId);
    }
  }

  /** LISTEN is in place: start from nothing, as notices may have been missed before. */
  listening(): void {
    this.#generation++;
    this.#entries.clear();
    this.#usable = true;
  }

  /** LISTEN is gone: forget everything and serve nothing until it is back. */
  lost(): void {
    this.#generation++;
    this.#entries.clear();
    this.#usable = false;
  }
}
