import type { FastifyBaseLogger } from 'fastify';
import type { Counters } from './counters';

interface Entry {
  /** Hits not yet written to the shared counter. */
  pending: number;
  /** The shared counter's value at the last sync (every instance's hits). */
  shared: number;
  /** When the shared window ends (epoch ms); 0 while unknown. */
  windowEndsAt: number;
}

export interface CeilingVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * A ceiling on all API requests of one client address, counted across every instance. Writing a
 * shared counter on each request would double the database round trips of every route, so each
 * instance counts locally and adds its hits to the shared counter in one statement per sync
 * period; a decision uses the last shared total plus the local hits since. The ceiling is thus
 * exact per instance and at most one sync period behind for the others.
 */
export function createGlobalCeiling(options: {
  counters: Counters;
  max: number;
  windowMs: number;
  syncMs: number;
  log: FastifyBaseLogger;
}) {
  const entries = new Map<string, Entry>();
  let syncing: Promise<void> | undefined;

  async function sync() {
    const batch = [...entries].filter(([, entry]) => entry.pending > 0);
    const now = Date.now();
    for (const [key, entry] of entries) {
      if (entry.pending === 0 && entry.windowEndsAt <= now) entries.delete(key);
    }
    if (batch.length === 0) return;
    const sent = batch.map(([key, entry]) => ({ key: `global:${key}`, amount: entry.pending }));
    for (const [, entry] of batch) entry.pending = 0;
    try {
      const states = await options.counters.add(sent, options.windowMs);
      const at = Date.now();
      batch.forEach(([, entry], index) => {
        const state = states[index];
        if (!state) return;
        entry.shared = state.current;
        entry.windowEndsAt = at + state.ttlMs;
      });
    } catch (error) {
      // Fail open on the shared part (the database may be away); local counting goes on.
      batch.forEach(([, entry], index) => {
        entry.pending += sent[index]?.amount ?? 0;
      });
      options.log.warn({ err: error }, 'global throttling counters could not be synced');
    }
  }

  const timer = setInterval(() => {
    syncing ??= sync().finally(() => {
      syncing = undefined;
    });
  }, options.syncMs);
  timer.unref();

  return {
    /** Counts one request of `client` and says whether it stays under the ceiling. */
    hit(client: string): CeilingVerdict {
      const now = Date.now();
      let entry = entries.get(client);
      if (!entry) {
        entry = { pending: 0, shared: 0, windowEndsAt: 0 };
        entries.set(client, entry);
      }
      if (entry.windowEndsAt !== 0 && entry.windowEndsAt <= now) {
        entry.shared = 0;
        entry.windowEndsAt = 0;
      }
      entry.pending++;
      const total = entry.shared + entry.pending;
      const windowLeft = entry.windowEndsAt > now ? entry.windowEndsAt - now : options.windowMs;
      return { allowed: total <= options.max, retryAfterSeconds: Math.max(1, Math.ceil(windowLeft / 1000)) };
    },
    /** Writes the local hits now (tests, shutdown). */
    flush: () => (syncing ?? sync()).then(() => sync()),
    close() {
      clearInterval(timer);
    },
  };
}
