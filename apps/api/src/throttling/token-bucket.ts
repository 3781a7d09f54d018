/**
 * A token bucket in this process's memory: `ratePerSecond` tokens a second, at most `burst`
 * saved up. Answers without I/O, so a request over the budget costs nothing but this check.
 */
export interface TokenBucket {
  take(): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export function createTokenBucket({
  ratePerSecond,
  burst = ratePerSecond,
  now = () => performance.now(),
}: {
  ratePerSecond: number;
  burst?: number;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
}): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - last) / 1000) * ratePerSecond);
      last = at;
      if (tokens >= 1) {
        tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerSecond)) };
    },
  };
}
