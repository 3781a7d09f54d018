import { AppError } from '../../lib/app-error';
import type { ThrottleCounters } from '../../ops/throttle-counters';

const HOUR_MS = 3_600_000;

/** The account a sign-in attempt is for: the e-mail as the user lookup compares it. */
export function accountKey(email: string): string {
  return `login-failures:${email.trim().toLowerCase()}`;
}

/**
 * Caps failed sign-ins per account (ASVS 6.3.1: at most 100 an hour), whichever addresses they
 * come from. The attempt is counted before the password is checked, so that concurrent guesses
 * cannot all slip past the check, and taken back when it succeeds: only failures count.
 * The window is fixed, so the worst case over any sliding hour is twice the limit — hence a
 * default of 50 and a maximum of 100 for the setting.
 */
export function createAccountThrottle(counters: ThrottleCounters, maxFailuresPerHour: number) {
  return {
    async attempt<T>(email: string, check: () => Promise<T>): Promise<T> {
      const key = accountKey(email);
      const [state] = await counters.add([{ key, amount: 1 }], HOUR_MS);
      if (state && state.current > maxFailuresPerHour) {
        throw new AppError(
          'rate_limited',
          'Too many failed sign-ins for this account. Try again later or reset the password.',
          {},
          { 'retry-after': String(Math.max(1, Math.ceil(state.ttlMs / 1000))) },
        );
      }
      let result: T;
      try {
        result = await check();
      } catch (error) {
        // Only a refused password counts; a fault of ours (database away) is taken back.
        if (!(error instanceof AppError && error.code === 'unauthenticated')) {
          await counters.subtract(key).catch(() => {});
        }
        throw error;
      }
      await counters.subtract(key);
      return result;
    },
  };
}
