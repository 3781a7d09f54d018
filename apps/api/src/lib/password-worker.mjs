// The password hashing thread (ADR 0029-b, 0029-e): argon2 runs here, synchronously, so that the
// work is done on this thread — which runs at a lower priority than the API's own (piscina's
// `niceIncrement`) and, in the idle lane, under SCHED_IDLE — and not on libuv's thread pool,
// whose threads run at the API's priority.
// Plain JavaScript: worker threads load it without the TypeScript loader (tests, tsx, the bundle).
import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { hashSync, verifySync } from '@node-rs/argon2';
import { workerData } from 'piscina';

/**
 * Puts this thread under SCHED_IDLE (Linux; `chrt` of util-linux, present wherever Debian is):
 * it then runs only on CPU time no other thread wants. Lowering one's own priority needs no
 * privilege. Elsewhere the thread keeps its nice value alone.
 */
function runOnlyWhenIdle() {
  try {
    const thread = readlinkSync('/proc/thread-self').split('/').pop();
    execFileSync('chrt', ['--idle', '--pid', '0', thread], { stdio: 'ignore' });
  } catch {
    // not Linux, or no chrt: the nice value alone (ADR 0029-b)
  }
}

if (workerData?.whenIdle) runOnlyWhenIdle();

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

/** This thread's scheduling policy (Linux: 0 normal, 5 idle; field 41 of its stat), or null. */
export function policy() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]);
  } catch {
    return null;
  }
}
