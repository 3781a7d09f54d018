import { describe, expect, it, vi } from 'vitest';
import { VerifiedTokens } from './verified-tokens';

type Claims = { sub: string; exp: number };

/** A verifier that accepts tokens named "good-…" (expiring at `exp`) and refuses every other. */
function verifier(exp: number) {
  return vi.fn((token: string): Claims => {
    if (!token.startsWith('good-')) throw new Error('invalid signature');
    return { sub: token.slice(5), exp };
  });
}

describe('VerifiedTokens', () => {
  it('verifies a token once and answers its claims from memory after that', () => {
    const verify = verifier(2_000);
    const tokens = new VerifiedTokens(verify, { now: () => 1_000_000 });
    expect(tokens.claims('good-a')).toEqual({ sub: 'a', exp: 2_000 });
    expect(tokens.claims('good-a')).toEqual({ sub: 'a', exp: 2_000 });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('never remembers a refused token: each attempt is verified, and refused, again', () => {
    const verify = verifier(2_000);
    const tokens = new VerifiedTokens(verify, { now: () => 1_000_000 });
    expect(() => tokens.claims('forged')).toThrow('invalid signature');
    expect(() => tokens.claims('forged')).toThrow('invalid signature');
    expect(verify).toHaveBeenCalledTimes(2);
    expect(tokens.size).toBe(0);
  });

  it('does not answer a remembered token past its expiry: it goes back to the verifier', () => {
    let now = 1_999_000;
    const verify = vi.fn((token: string): Claims => {
      if (now >= 2_000_000) throw new Error('token expired');
      return { sub: token, exp: 2_000 };
    });
    const tokens = new VerifiedTokens(verify, { now: () => now });
    tokens.claims('good-a');
    now = 2_000_000;
    expect(() => tokens.claims('good-a')).toThrow('token expired');
    expect(tokens.size).toBe(0);
  });

  it('keeps at most `max` tokens, making room by dropping the one verified longest ago', () => {
    const verify = verifier(2_000);
    const tokens = new VerifiedTokens(verify, { max: 2, now: () => 1_000_000 });
    tokens.claims('good-a');
    tokens.claims('good-b');
    tokens.claims('good-c');
    expect(tokens.size).toBe(2);
    verify.mockClear();
    tokens.claims('good-c');
    tokens.claims('good-b');
    expect(verify).not.toHaveBeenCalled();
    tokens.claims('good-a');
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
