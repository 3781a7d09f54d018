import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { nulCharacterError } from './request-hygiene';

const request = (parts: { body?: unknown; query?: unknown; params?: unknown }) => parts as unknown as FastifyRequest;
const pathsOf = (error: AppError | undefined) =>
  (error?.extensions.errors as Array<{ path: string }> | undefined)?.map((entry) => entry.path);

describe('nulCharacterError', () => {
  it('names every field of body, query and params that holds a NUL, however deep', () => {
    const error = nulCharacterError(
      request({
        body: { name: 'Erika\u0000', address: { lines: ['ok', 'x\u0000y'] } },
        query: { q: '\u0000' },
        params: { id: 'a\u0000' },
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('validation_failed');
    expect(pathsOf(error)).toEqual(['name', 'address.lines.1', 'query.q', 'params.id']);
  });

  it('names the body itself when the body is a string', () => {
    expect(pathsOf(nulCharacterError(request({ body: 'a\u0000' })))).toEqual(['body']);
  });

  it('passes input without NUL, and a request without any input', () => {
    expect(nulCharacterError(request({ body: { name: 'Erika', tags: ['a'] }, query: { page: '2' } }))).toBeUndefined();
    expect(nulCharacterError(request({ query: {}, params: {} }))).toBeUndefined();
    expect(nulCharacterError(request({ body: null, query: Object.create(null) }))).toBeUndefined();
  });

  it('reads the keys of objects without a prototype (parsed query strings)', () => {
    const query = Object.assign(Object.create(null) as Record<string, string>, { q: '\u0000' });
    expect(pathsOf(nulCharacterError(request({ query })))).toEqual(['query.q']);
  });

  it('stops at ten errors', () => {
    const body = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${index}`, '\u0000']));
    expect(pathsOf(nulCharacterError(request({ body })))).toHaveLength(10);
  });
});
