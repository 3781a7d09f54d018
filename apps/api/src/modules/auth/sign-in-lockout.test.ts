import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, TEST_PASSWORD } from '../../../test/factories';
import { findEmailsTo } from '../../mail/outbox.repository';

const BOUND = 20;
// One proxy in front: the client address is the last X-Forwarded-For entry, as in production.
// The first delay is a minute, not the default second: on a busy machine one sign-in can take
// longer than a second, and a delay that ends before the next request is checked proves nothing.
const ctx = useTestApp({
  TRUST_PROXY_HOPS: '1',
  LOGIN_ACCOUNT_FAILURES_BEFORE_SLOWDOWN: String(BOUND),
  LOGIN_FIRST_DELAY_SECONDS: '60',
});

const login = (email: string, password: string, address: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    headers: { 'x-forwarded-for': address },
    remoteAddress: '10.0.0.2',
  });

/** Lets the time pass that the growing delay of one (account, address) pair asks for. */
const endDelays = () =>
  ctx.db.execute(sql`update rate_limit_counters set expires_at = now() where key like 'sign-in:%|delay'`);

let nextAddress = 1;
const freshAddress = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

describe('a stranger who knows the address cannot keep the owner out', () => {
  it('signs the owner in from another address after 60 failures from one address', async () => {
    const user = await createCustomer(ctx.db);
    let refusedAsWrong = 0;
    for (let i = 0; i < 60; i++) {
      const response = await login(user.email, `guess ${i}`, '203.0.113.7');
      expect([401, 429]).toContain(response.statusCode);
      if (response.statusCode === 401) refusedAsWrong++;
      await endDelays();
    }
    expect(refusedAsWrong).toBeGreaterThanOrEqual(BOUND);
    const owner = await login(user.email, TEST_PASSWORD, '192.0.2.44');
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('signs the owner in from a clean address after the account bound was passed from many addresses', async () => {
    const user = await createCustomer(ctx.db);
    for (let i = 0; i < BOUND + 10; i++)
      expect((await login(user.email, 'wrong', freshAddress())).statusCode).toBe(401);
    expect((await login(user.email, TEST_PASSWORD, freshAddress())).statusCode).toBe(200);
  });
});

describe('a successful password reset', () => {
  it("clears the account's counters for every address", async () => {
    const user = await createCustomer(ctx.db);
    const addresses = Array.from({ length: BOUND + 1 }, freshAddress);
    for (const address of addresses) expect((await login(user.email, 'wrong', address)).statusCode).toBe(401);
    const first = addresses[0] ?? '';
    expectProblem(await login(user.email, TEST_PASSWORD, first), 429, 'rate_limited');

    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: user.email } });
    const mail = await vi.waitFor(async () => {
      const [found] = await findEmailsTo(ctx.db, user.email);
      expect(found).toBeDefined();
      return found;
    });
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const newPassword = 'ein ganz neues Passwort';
    const confirmed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword },
    });
    expect(confirmed.statusCode).toBe(204);
    expect((await login(user.email, newPassword, first)).statusCode).toBe(200);
  });
});

describe('guessing stays bounded', () => {
  it('delays one address on one account more with each failure past the free ones', async () => {
    const user = await createCustomer(ctx.db);
    const address = freshAddress();
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'wrong', address)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      expect((await login(user.email, 'wrong', address)).statusCode).toBe(401);
      expectProblem(await login(user.email, TEST_PASSWORD, address), 429, 'rate_limited');
      waits.push(Number((await login(user.email, 'wrong', address)).headers['retry-after']));
      await endDelays();
    }
    expect(waits).toEqual([60, 120, 240, 480]);
    // Another account from the same address is not delayed.
    const other = await createCustomer(ctx.db);
    expect((await login(other.email, TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('lets at most the free failures and one more through when guesses from one address arrive at once', async () => {
    const user = await createCustomer(ctx.db);
    const address = freshAddress();
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => login(user.email, 'wrong', address)))).map(
      (response) => response.statusCode,
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(14);
  });

  it('past the account bound, an address that failed once is refused for the rest of the hour', async () => {
    const user = await createCustomer(ctx.db);
    const addresses = Array.from({ length: BOUND }, freshAddress);
    for (const address of addresses) expect((await login(user.email, 'wrong', address)).statusCode).toBe(401);
    const late = freshAddress();
    expect((await login(user.email, 'wrong', late)).statusCode).toBe(401);
    const refused = await login(user.email, 'wrong', late);
    expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3_500);
    expectProblem(await login(user.email, TEST_PASSWORD, addresses[0] ?? ''), 429, 'rate_limited');
  });

  it('treats an unknown account like a known one and keys by the normalised e-mail', async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    const address = freshAddress();
    for (let i = 0; i < 6; i++) {
      expect((await login(i % 2 ? unknown.toUpperCase() : unknown, 'wrong', address)).statusCode).toBe(401);
    }
    expectProblem(await login(unknown, 'wrong', address), 429, 'rate_limited');
  });

  it('counts IPv6 clients per /64 network', async () => {
    const user = await createCustomer(ctx.db);
    for (let i = 0; i < 6; i++) {
      expect((await login(user.email, 'wrong', `2001:db8:1:2::${i + 1}`)).statusCode).toBe(401);
    }
    expectProblem(await login(user.email, 'wrong', '2001:db8:1:2:ffff::9'), 429, 'rate_limited');
    expect((await login(user.email, TEST_PASSWORD, '2001:db8:1:3::1')).statusCode).toBe(200);
  });
});
