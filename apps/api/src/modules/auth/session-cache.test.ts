import { describe, expect, it } from 'vitest';
import { parseInvalidation, SessionCache } from './session-cache';

const later = new Date(Date.UTC(2100, 0, 1));

function listeningCache(now = () => 1_000) {
  const cache = new SessionCache<string>({ ttlMs: 30_000, now });
  cache.listening();
  return cache;
}

describe('SessionCache', () => {
  it('serves nothing until it listens, and nothing once listening is lost', () => {
    const cache = new SessionCache<string>({ ttlMs: 30_000 });
    expect(cache.fill('s1', cache.generation, { value: 'a', userId: 'u1', customerId: 'c1', expiresAt: later })).toBe(
      false,
    );
    cache.listening();
    cache.fill('s1', cache.generation, { value: 'a', userId: 'u1', customerId: 'c1', expiresAt: later });
    expect(cache.get('s1')).toBe('a');
    cache.lost();
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.size).toBe(0);
    // Back: what was known before is gone (notices may have been missed meanwhile).
    cache.listening();
    expect(cache.get('s1')).toBeUndefined();
  });

  it('drops a fill whose read started before a notice arrived', () => {
    const cache = listeningCache();
    const before = cache.generation;
    cache.invalidate({ kind: 'u', id: 'someone-else' });
    expect(cache.fill('s1', before, { value: 'stale', userId: 'u1', customerId: 'c1', expiresAt: later })).toBe(false);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('forgets the sessions of a user, of a customer account, one session, or all', () => {
    const cache = listeningCache();
    const fill = (sessionId: string, userId: string, customerId: string | null) =>
      cache.fill(sessionId, cache.generation, { value: sessionId, userId, customerId, expiresAt: later });
    fill('s1', 'u1', 'c1');
    fill('s2', 'u1', 'c1');
    fill('s3', 'u2', 'c1');
    fill('s4', 'u3', 'c2');
    fill('s5', 'staff', null);
    cache.invalidate({ kind: 'u', id: 'u1' });
    expect([cache.get('s1'), cache.get('s2'), cache.get('s3')]).toEqual([undefined, undefined, 's3']);
    cache.invalidate({ kind: 'c', id: 'c1' });
    expect(cache.get('s3')).toBeUndefined();
    expect(cache.get('s4')).toBe('s4');
    cache.invalidate({ kind: 's', id: 's4' });
    expect(cache.get('s4')).toBeUndefined();
    cache.invalidate({ kind: '*' });
    expect(cache.get('s5')).toBeUndefined();
  });

  it('serves an entry no longer than the backstop TTL or the session itself', () => {
    let now = 1_000;
    const cache = listeningCache(() => now);
    cache.fill('long', cache.generation, { value: 'a', userId: 'u', customerId: null, expiresAt: later });
    cache.fill('short', cache.generation, { value: 'b', userId: 'u', customerId: null, expiresAt: new Date(6_000) });
    now = 5_999;
    expect([cache.get('long'), cache.get('short')]).toEqual(['a', 'b']);
    now = 6_000;
    expect(cache.get('short')).toBeUndefined();
    now = 31_000;
    expect(cache.get('long')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const cache = new SessionCache<string>({ ttlMs: 30_000, maxEntries: 2 });
    cache.listening();
    for (const id of ['s1', 's2', 's3']) {
      cache.fill(id, cache.generation, { value: id, userId: 'u', customerId: null, expiresAt: later });
    }
    expect([cache.get('s1'), cache.get('s2'), cache.get('s3')]).toEqual([undefined, 's2', 's3']);
  });
});

describe('parseInvalidation', () => {
  it('reads the payloads the triggers send and nothing else', () => {
    expect(parseInvalidation('s:0b5e')).toEqual({ kind: 's', id: '0b5e' });
    expect(parseInvalidation('c:42')).toEqual({ kind: 'c', id: '42' });
    expect(parseInvalidation('*')).toEqual({ kind: '*' });
    expect(parseInvalidation('x:1')).toBeUndefined();
    expect(parseInvalidation('u:')).toBeUndefined();
  });
});
