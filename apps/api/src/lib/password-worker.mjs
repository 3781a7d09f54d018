// The password hashing thread (ADR 0029-b): argon2 runs here, synchronously, so that the work is
// done on this thread — which runs at a lower priority than the API's own (piscina's
// `niceIncrement`) — and not on libuv's thread pool, whose threads run at the API's priority.
// Plain JavaScript: worker threads load it without the TypeScript loader (tests, tsx, the bundle).
import { getPriority } from 'node:os';
import { hashSync, verifySync } from '@node-rs/argon2';

/** A new argon2 hash of `password` with `options`. */
export function hash({ password, options }) {
  return hashSync(password, options);
}

/** Whether `password` matches `stored`; an unreadable stored hash matches nothing. */
export function verify({ stored, password }) {
  try {
    return verifySync(stored, password);
  } catch {
    return false;
  }
}

/** This thread's nice value (on Linux each thread has its own). */
export function priority() {
  return getPriority(0);
}
