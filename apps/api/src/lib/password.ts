import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from './app-error';
import { createHashingLanes, type HashingLane } from './hashing-lanes';
import { Semaphore, SemaphoreFullError } from './semaphore';

/** Hashes waiting for a slot before further ones are refused. */
export const HASH_QUEUE_LIMIT = 32;

/**
 * How much lower than the API's own the hashing threads' priority is (a nice increment, Linux;
 * ADR 0029-b). At +10 a hashing thread gets about a tenth of a core that other work wants.
 */
export const HASHING_NICE_INCREMENT = 10;

/**
 * A hash in the idle lane not done after this long (≈ 15 ms of CPU) has found no idle time: it
 * is run again in the fallback lane (ADR 0029-e).
 */
const HASH_STARVED_MS = 150;

/** OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1 (≈ 15 ms here). */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most two hashes at once, so a flood of sign-ins cannot starve every other route — and at
 * most half the cores: on two cores, two argon2 runs would take both from every other request.
 */
const slots = Math.max(1, Math.min(2, Math.floor(availableParallelism() / 2)));
const hashing = new Semaphore(slots, HASH_QUEUE_LIMIT);
const lanes = createHashingLanes({ idleThreads: slots, starvedAfterMs: HASH_STARVED_MS });

/** Hashes started per lane since the process started (metrics: `portal_password_hashes_total`). */
export function hashesStarted(): Readonly<Record<HashingLane, number>> {
  return lanes.started;
}

/**
 * The threads argon2 runs on (`password-worker.mjs`), one per slot and lane, at the lower
 * priority; the idle lane's threads also under SCHED_IDLE (ADR 0029-e).
 * Created on first use; idle threads do not keep the process alive.
 */
const pools: Partial<Record<HashingLane, Piscina>> = {};
export function hashingThreads(lane: HashingLane = 'idle'): Piscina {
  pools[lane] ??= new Piscina({
    filename: new URL('./password-worker.mjs', import.meta.url).href,
    minThreads: lane === 'idle' ? slots : 0,
    maxThreads: slots,
    niceIncrement: HASHING_NICE_INCREMENT,
    idleTimeout: lane === 'idle' ? Number.POSITIVE_INFINITY : 60_000,
    workerData: { whenIdle: lane === 'idle' },
  });
  return pools[lane];
}

/**
 * Runs one task of `password-worker.mjs` in a slot. Past HASH_QUEUE_LIMIT waiting (about a
 * second of work) a sign-in is refused with 429 at once: an unbounded line would keep hashing
 * for clients long gone and make every later sign-in wait behind a flood.
 */
async function inSlot<T>(name: 'hash' | 'verify', task: object): Promise<T> {
  try {
    return await hashing.run(() => lanes.run((lane) => hashingThreads(lane).run(task, { name }) as Promise<T>));
  } catch (error) {
    if (error instanceof SemaphoreFullError) {
      throw new AppError(
        'rate_limited',
        'Too many sign-ins at this moment. Try again shortly.',
        {},
        { 'retry-after': '2' },
      );
    }
    throw error;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inSlot('hash', { password, options });
}

/** A real hash of a random secret: verifying against it costs what a real check costs. */
let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown e-mail, no password set yet) it still spends
 * the time of one verification so that the answer's timing does not reveal which case it was.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= lanes.run(
    (lane) => hashingThreads(lane).run({ password: crypto.randomUUID(), options }, { name: 'hash' }) as Promise<string>,
  );
  const stored = storedHash ?? (await dummyHash);
  const matches = await inSlot<boolean>('verify', { stored, password });
  return storedHash ? matches : false;
}
