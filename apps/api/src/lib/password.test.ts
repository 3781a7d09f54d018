import { getPriority } from 'node:os';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { HASHING_NICE_INCREMENT, hashingThreads, hashPassword, verifyPassword } from './password';
// @ts-expect-error plain JavaScript without types, loaded by the hashing threads
import { policy } from './password-worker.mjs';

describe('password hashing', () => {
  it('uses argon2id with m=19456, t=2, p=1 and verifies', async () => {
    const stored = await hashPassword('a long enough passphrase');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(stored, 'another passphrase')).toBe(false);
    expect(await verifyPassword('not a hash', 'another passphrase')).toBe(false);
  });

  it('spends a real verification when there is no stored hash, and still fails', async () => {
    await verifyPassword(null, 'first call: the stand-in hash is made');
    // Either lane may run it (ADR 0029-e), and a hash that found no idle time runs in both.
    const runs = (['idle', 'fallback'] as const).map((lane) => vi.spyOn(hashingThreads(lane), 'run'));
    onTestFinished(() => {
      for (const run of runs) run.mockRestore();
    });
    expect(await verifyPassword(null, 'whatever')).toBe(false);
    const calls = runs.flatMap((run) => run.mock.calls);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const [task, options] of calls) {
      expect(options).toEqual({ name: 'verify' });
      expect((task as { stored: string }).stored).toMatch(/^\$argon2id\$/);
    }
  });

  it('hashes on threads of lower priority than the API’s own, in both lanes', async () => {
    const own = getPriority();
    for (const lane of ['idle', 'fallback'] as const) {
      const hashing = (await hashingThreads(lane).run({}, { name: 'priority' })) as number;
      expect(hashing).toBe(Math.min(19, own + HASHING_NICE_INCREMENT));
    }
    expect(getPriority()).toBe(own);
  });

  it.runIf(process.platform === 'linux')(
    'runs the idle lane’s threads only on idle CPU time (SCHED_IDLE), the fallback’s and the API’s normally',
    async () => {
      const SCHED_OTHER = 0;
      const SCHED_IDLE = 5;
      expect(await hashingThreads('idle').run({}, { name: 'policy' })).toBe(SCHED_IDLE);
      expect(await hashingThreads('fallback').run({}, { name: 'policy' })).toBe(SCHED_OTHER);
      // The same reading on the API's own thread.
      expect(policy()).toBe(SCHED_OTHER);
    },
  );
});
