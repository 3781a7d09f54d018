import { describe, expect, it } from 'vitest';
import { etagOf, fixedAnswer, matchesEtag } from './etag';

describe('entity tags', () => {
  it('are weak tags that follow the representation', () => {
    expect(etagOf({ a: 1 })).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf({ a: 1 })).toBe(etagOf({ a: 1 }));
    expect(etagOf({ a: 1 })).not.toBe(etagOf({ a: 2 }));
  });

  it('of a fixed answer are computed once, equal the tag of the same content, and the answer cannot change', () => {
    const nested = { a: 1, list: [{ b: 2 }] };
    const fixed = fixedAnswer(nested);
    expect(fixed).toBe(nested);
    expect(etagOf(fixed)).toBe(etagOf({ a: 1, list: [{ b: 2 }] }));
    expect(Object.isFrozen(fixed.list[0])).toBe(true);
    expect(() => {
      (fixed.list[0] as { b: number }).b = 3;
    }).toThrow(TypeError);
  });

  it('match one of a list, the strong form of the same tag, and *', () => {
    const tag = etagOf({ a: 1 });
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesEtag(tag.slice(2), tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
    expect(matchesEtag('*', undefined)).toBe(false);
  });
});
