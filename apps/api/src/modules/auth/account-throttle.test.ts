import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, TEST_PASSWORD } from '../../../test/factories';
import { buildApp } from '../../app';

const LIMIT = 5;
const ctx = useTestApp({ LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR: String(LIMIT) });

let nextAddress = 1;
/** Every attempt from a new client address: the per-address limit never meets them. */
const login = (email: string, password: string, app = ctx.app) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: `198.51.100.${nextAddress++ % 250}`,
  });

describe('sign-in throttling per account', () => {
  it('refuses the account after its failures from many addresses, with Retry-After, and only that account', async () => {
    const user = await createCustomer(ctx.db);
    const bystander = await createCustomer(ctx.db);
    for (let i = 0; i < LIMIT; i++) expect((await login(user.email, 'wrong guess')).statusCode).toBe(401);

    // Even the right password is refused now: answering it would turn the lock into an oracle.
    const throttled = await login(user.email, TEST_PASSWORD);
    expectProblem(throttled, 429, 'rate_limited');
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3_500);
    expect(retryAfter).toBeLessThanOrEqual(3_600);

    expect((await login(bystander.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures only: successful sign-ins do not use up the allowance', async () => {
    const user = await createCustomer(ctx.db);
    for (let i = 0; i < LIMIT - 1; i++) expect((await login(user.email, 'wrong guess')).statusCode).toBe(401);
    for (let i = 0; i < LIMIT * 2; i++) expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(user.email, 'wrong guess')).statusCode).toBe(401);
    expectProblem(await login(user.email, 'wrong guess'), 429, 'rate_limited');
  });

  it('keys by the normalised e-mail, and throttles unknown accounts the same way', async () => {
    const user = await createCustomer(ctx.db);
    const upper = user.email.toUpperCase();
    for (let i = 0; i < LIMIT; i++) {
      expect((await login(i % 2 ? upper : user.email, 'wrong guess')).statusCode).toBe(401);
    }
    expectProblem(await login(user.email, TEST_PASSWORD), 429, 'rate_limited');

    const unknown = `nobody-${Date.now()}@example.com`;
    for (let i = 0; i < LIMIT; i++) expect((await login(unknown, 'wrong guess')).statusCode).toBe(401);
    expectProblem(await login(unknown, 'wrong guess'), 429, 'rate_limited');
  });

  it('lets no more than the limit through when the guesses arrive at once', async () => {
    const user = await createCustomer(ctx.db);
    const responses = await Promise.all(Array.from({ length: 4 * LIMIT }, () => login(user.email, 'wrong guess')));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3 * LIMIT);
  });

  it('shares the count between API instances on one database', async () => {
    const second = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
    await second.ready();
    try {
      const user = await createCustomer(ctx.db);
      for (let i = 0; i < LIMIT; i++) {
        const app = i % 2 ? second : ctx.app;
        expect((await login(user.email, 'wrong guess', app)).statusCode).toBe(401);
      }
      expectProblem(await login(user.email, TEST_PASSWORD, second), 429, 'rate_limited');
      expectProblem(await login(user.email, TEST_PASSWORD, ctx.app), 429, 'rate_limited');
    } finally {
      await second.close();
    }
  });
});
