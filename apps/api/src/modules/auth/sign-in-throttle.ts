import { AppError } from '../../lib/app-error';
import { clientKey } from '../../throttling/client-address';
import { type Counters, retryAfterSeconds } from '../../throttling/counters';

const HOUR_MS = 3_600_000;
/** Failures one client address may make on one account before each further attempt waits. */
export const FREE_FAILURES_PER_ADDRESS = 5;
/** The wait doubles with each failure (1 s, 2 s, 4 s … by default) up to this. */
export const MAX_DELAY_MS = 15 * 60_000;

/** The account an attempt is for: the e-mail as the user lookup compares it (unknown ones too). */
const accountOf = (email: string) => `sign-in:${email.trim().toLowerCase()}|`;

export const delayAfter = (failures: number, firstDelayMs = 1000) =>
  Math.min(MAX_DELAY_MS, firstDelayMs * 2 ** (failures - FREE_FAILURES_PER_ADDRESS));

const refuse = (ttlMs: number) =>
  new AppError(
    'rate_limited',
    'Too many failed sign-ins for this account from this address. Try again later or reset the password.',
    {},
    { 'retry-after': retryAfterSeconds(ttlMs) },
  );

/**
 * Throttles failed sign-ins per (account, client address), so that a stranger who knows an
 * address cannot keep its owner out (ADR 0010):
 * - each address gets FREE_FAILURES_PER_ADDRESS failures an hour on an account, then one attempt
 *   per growing delay (`firstDelayMs`, 1 s unless configured, doubling, at most MAX_DELAY_MS);
 * - past `accountBound` failures an hour on the account from all addresses together, an address
 *   that has failed on it is refused for the rest of the hour, and a new address gets one guess;
 * - an address without failures on the account always gets its attempt: the owner signs in.
 * Attempts are counted before the password is checked, so concurrent guesses cannot slip past a
 * check-then-count, and taken back when they succeed (a success also clears its address' delay).
 */
export function createSignInThrottle(counters: Counters, accountBound: number, firstDelayMs = 1000) {
  return {
    async attempt<T>(email: string, ip: string, check: () => Promise<T>): Promise<T> {
      const account = accountOf(email);
      const pair = `${account}${clientKey(ip)}|`;
      const keys = { account: `${account}failures`, pair: `${pair}failures`, delay: `${pair}delay` };

      // Refusals that need no write: a flood from one address costs reads only.
      const [seenAccount, seenPair, seenDelay] = await counters.peek([keys.account, keys.pair, keys.delay]);
      if (seenAccount && seenPair && seenAccount.current >= accountBound && seenPair.current >= 1) {
        throw refuse(seenPair.ttlMs);
      }
      if (seenPair && seenDelay && seenPair.current >= FREE_FAILURES_PER_ADDRESS && seenDelay.current >= 1) {
        throw refuse(seenDelay.ttlMs);
      }

      const [accountState, pairState] = await counters.add(
        [
          { key: keys.account, amount: 1 },
          { key: keys.pair, amount: 1 },
        ],
        HOUR_MS,
      );
      const accountFailures = (accountState?.current ?? 1) - 1;
      const pairFailures = (pairState?.current ?? 1) - 1;
      const giveBack = () => counters.subtract([keys.account, keys.pair]).catch(() => {});
      if (accountFailures >= accountBound && pairFailures >= 1) {
        await giveBack();
        throw refuse(pairState?.ttlMs ?? HOUR_MS);
      }
      if (pairFailures >= FREE_FAILURES_PER_ADDRESS) {
        // One attempt per delay: the first to open the window goes ahead, the others wait.
        const [gate] = await counters.add([{ key: keys.delay, amount: 1 }], delayAfter(pairFailures, firstDelayMs));
        if (gate && gate.current > 1) {
          await giveBack();
          throw refuse(gate.ttlMs);
        }
      }

      let result: T;
      try {
        result = await check();
      } catch (error) {
        // Only a refused password counts; a fault of ours (database away) is taken back.
        if (!(error instanceof AppError && error.code === 'unauthenticated')) await giveBack();
        throw error;
      }
      await counters.subtract([keys.account]);
      await counters.clear(pair);
      return result;
    },
  };
}

/** After a successful password reset the account's counters start afresh, for every address. */
export function clearSignInThrottle(counters: Counters, email: string) {
  return counters.clear(accountOf(email));
}
