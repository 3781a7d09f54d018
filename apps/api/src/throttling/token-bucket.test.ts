import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('grants its burst at once, then refuses with the seconds until the next token', () => {
    const clock = 0;
    const bucket = createTokenBucket({ ratePerSecond: 2, burst: 3, now: () => clock });
    expect([bucket.take(), bucket.take(), bucket.take()].every((verdict) => verdict.allowed)).toBe(true);
    expect(bucket.take()).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at its rate and never beyond its burst', () => {
    let clock = 0;
    const bucket = createTokenBucket({ ratePerSecond: 2, burst: 2, now: () => clock });
    bucket.take();
    bucket.take();
    clock += 500; // one token
    expect(bucket.take().allowed).toBe(true);
    expect(bucket.take().allowed).toBe(false);
    clock += 60_000; // a minute idle saves up no more than the burst
    const verdicts = [bucket.take(), bucket.take(), bucket.take()].map((verdict) => verdict.allowed);
    expect(verdicts).toEqual([true, true, false]);
  });

  it('names a longer wait when the rate is below one a second', () => {
    const clock = 0;
    const bucket = createTokenBucket({ ratePerSecond: 0.25, burst: 1, now: () => clock });
    bucket.take();
    expect(bucket.take()).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });
});
