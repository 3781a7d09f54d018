import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../test/app';
import { expectProblem } from '../../test/factories';
import { buildApp } from '../app';

const ctx = useTestApp({ BODY_LIMIT_BYTES: '2048' });

describe('problem+json for every error', () => {
  it('answers unknown API routes with 404', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' });
    expectProblem(response, 404, 'not_found');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expectProblem(response, 400, 'bad_request');
  });

  it('answers bodies over the limit with 413', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x'.repeat(4000) },
    });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('hides the internals of unexpected failures and keeps the request id', async () => {
    const app = await buildApp({ config: testConfig(), database: ctx.database, logger: false });
    app.get('/api/v1/__boom', async () => {
      throw new Error('secret connection string postgres://user:pw@db');
    });
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/__boom',
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    const problem = expectProblem(response, 500, 'internal');
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('postgres://');
    expect(problem.requestId).toBe('trace-abc-123');
    await app.close();
  });
});
