import { AppError } from '../lib/app-error';
import type { Counters } from '../throttling/counters';

export interface DocumentLimitOptions {
  /** Requests of one customer in progress at once on this instance; further ones get 429 at once. */
  concurrent: number;
  /** Requests of one customer per window, across every instance. */
  max: number;
  windowMs: number;
}

export const DOCUMENT_LIMITS: DocumentLimitOptions = { concurrent: 2, max: 60, windowMs: 10 * 60_000 };

/**
 * Per-customer limits on the routes that render or hand out documents (PDFs, exports, downloads;
 * ADR 0010). A customer holds at most `concurrent` of them at once, so no customer can fill the
 * renderer's queue: a burst answers 429 with Retry-After to that customer only, and everyone
 * else's documents keep their places.
 */
export function createDocumentLimit(counters: Counters, options: DocumentLimitOptions = DOCUMENT_LIMITS) {
  const inProgress = new Map<string, number>();
  const refuse = (retryAfter: number, detail: string) =>
    new AppError('rate_limited', detail, {}, { 'retry-after': String(retryAfter) });

  return {
    async run<T>(customer: string, task: () => Promise<T>): Promise<T> {
      const running = inProgress.get(customer) ?? 0;
      if (running >= options.concurrent) throw refuse(5, 'Your previous documents are still being prepared.');
      inProgress.set(customer, running + 1);
      try {
        const verdict = await counters.hit(`documents:${customer}`, options);
        if (!verdict.allowed) throw refuse(verdict.retryAfterSeconds, 'Too many documents requested; try again later.');
        return await task();
      } finally {
        const left = (inProgress.get(customer) ?? 1) - 1;
        if (left > 0) inProgress.set(customer, left);
        else inProgress.delete(customer);
      }
    },
  };
}
