import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from './app-error';
import { Semaphore, SemaphoreFullError } from './semaphore';

/** Hashes waiting for a slot before further ones are refused. */
export const HASH_QUEUE_LIMIT = 32;

/** OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1 (≈ 15 ms here). */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most two hashes at once, so a flood of sign-ins cannot starve every other route — and at
 * most half the cores: on two cores, two argon2 runs would take both from every other request.
 */
const hashing = new Semaphore(Math.max(1, Math.min(2, Math.floor(availableParallelism() / 2))), HASH_QUEUE_LIMIT);

/**
 * Runs one hash in a slot. Past HASH_QUEUE_LIMIT waiting (about a second of work) a sign-in is
 * refused with 429 at once: an unbounded line would keep hashing for clients long gone and
 * make every later sign-in wait behind a flood.
 */
async function inSlot<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await hashing.run(task);
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
  return inSlot(() => hash(password, options));
}

/** A real hash of a random secret: verifying against it costs what a real check costs. */
let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown e-mail, no password set yet) it still spends
 * the time of one verification so that the answer's timing does not reveal which case it was.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash(crypto.randomUUID(), options);
  const target = storedHash ?? (await dummyHash);
  const matches = await inSlot(() => verify(target, password).catch(() => false));
  return storedHash ? matches : false;
}
