import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { Semaphore } from './semaphore';

/** OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1 (≈ 15 ms here). */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most two hashes at once, so a flood of sign-ins cannot starve every other route — and at
 * most half the cores: on two cores, two argon2 runs would take both from every other request.
 */
const hashing = new Semaphore(Math.max(1, Math.min(2, Math.floor(availableParallelism() / 2))));

export function hashPassword(password: string): Promise<string> {
  return hashing.run(() => hash(password, options));
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
  const matches = await hashing.run(() => verify(target, password).catch(() => false));
  return storedHash ? matches : false;
}
