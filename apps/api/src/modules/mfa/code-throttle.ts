import { AppError } from '../../lib/app-error';
import { type Counters, retryAfterSeconds } from '../../throttling/counters';

/** Wrong second-factor codes one user may send per window, from all addresses and routes together. */
export const CODE_FAILURES_PER_WINDOW = 10;
export const CODE_WINDOW_MS = 15 * 60_000;

/** The answer to a wrong code: a field error, so that the form shows it at the code. */
export const wrongCode = (message: string) => AppError.validation([{ path: 'code', message }], 'The code is wrong.');

const isWrongCode = (error: unknown) =>
  error instanceof AppError &&
  error.code === 'validation_failed' &&
  error.extensions.errors?.some((field) => field.path === 'code') === true;

/**
 * Throttles code checks (TOTP and recovery codes) per user, through the one counter primitive
 * (ADR 0010): the second step, confirming and disabling share one budget, so whoever has the
 * password gets CODE_FAILURES_PER_WINDOW guesses at a 6-digit code per window, not more. Attempts
 * count before the check (concurrent guesses cannot slip past) and are given back when right.
 */
export function createCodeThrottle(counters: Counters) {
  const refuse = (ttlMs: number) =>
    new AppError(
      'rate_limited',
      'Too many wrong codes. Wait a few minutes and try again.',
      {},
      { 'retry-after': retryAfterSeconds(ttlMs) },
    );
  return {
    async attempt<T>(userId: string, check: () => Promise<T>): Promise<T> {
      const key = `mfa-code:${userId}`;
      const [seen] = await counters.peek([key]);
      if (seen && seen.current >= CODE_FAILURES_PER_WINDOW) throw refuse(seen.ttlMs);
      const [state] = await counters.add([{ key, amount: 1 }], CODE_WINDOW_MS);
      if (state && state.current > CODE_FAILURES_PER_WINDOW) {
        await counters.subtract([key]);
        throw refuse(state.ttlMs);
      }
      try {
        const result = await check();
        await counters.subtract([key]);
        return result;
      } catch (error) {
        // Only a wrong code counts; anything else (an expired challenge, a fault of ours) is given back.
        if (!isWrongCode(error)) await counters.subtract([key]).catch(() => {});
        throw error;
      }
    },
  };
}

export type CodeThrottle = ReturnType<typeof createCodeThrottle>;
