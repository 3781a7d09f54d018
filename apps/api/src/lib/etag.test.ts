import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { etagOf, fixedAnswer, isFixedAnswer, matchesEtag, tagPageOnSend } from './etag';

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
    expect(isFixedAnswer(fixed)).toBe(true);
    expect(isFixedAnswer({ a: 1, list: [{ b: 2 }] })).toBe(false);
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

describe('a page of a list', () => {
  const text = '{"items":[{"number":"RE-2026-000001","title":"Strom für Rack 4 – 10 €"}],"nextCursor":null}';
  const tag = `W/"${createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 27)}"`;
  const send = (ifNoneMatch?: string) => {
    const headers: Record<string, string> = {};
    let status = 200;
    const reply = {
      get statusCode() {
        return status;
      },
      header: (name: string, value: string) => {
        headers[name] = value;
        return reply;
      },
      code: (code: number) => {
        status = code;
        return reply;
      },
    };
    const request = { headers: ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch } };
    let sent: unknown;
    tagPageOnSend(request as FastifyRequest, reply as unknown as FastifyReply, text, (_error, payload) => {
      sent = payload;
    });
    return { headers, status, sent };
  };

  it('is tagged by the hash of its UTF-8 text and written as those bytes, encoded once', () => {
    const { headers, status, sent } = send();
    expect(headers.etag).toBe(tag);
    expect(status).toBe(200);
    expect(Buffer.isBuffer(sent)).toBe(true);
    expect((sent as Buffer).toString('utf8')).toBe(text);
  });

  it('answers 304 without a body when the client holds the page', () => {
    expect(send(tag)).toMatchObject({ status: 304, sent: '' });
  });
});
