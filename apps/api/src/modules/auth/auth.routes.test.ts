import { createHmac } from 'node:crypto';
import { rolePermissions } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer, signIn, TEST_PASSWORD } from '../../../test/factories';
import { sessions, users } from '../../db/schema/index';

const ctx = useTestApp();

describe('POST /auth/login', () => {
  it('signs the browser in by an HttpOnly SameSite=Lax cookie only: no token in the body', async () => {
    const user = await createCustomer(ctx.db, { email: 'Login.Case@Example.com' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: '  login.case@example.com ', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.customer).toMatchObject({ id: user.id, customerNumber: user.customerNumber, role: 'customer' });
    expect(body).not.toHaveProperty('accessToken');
    expect(response.body).not.toMatch(/ey[\w-]+\.ey/);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toContain('portal_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const rows = await ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
  });

  it('answers the bearer token to an API client that asks for it, and sets no cookie then', async () => {
    const user = await createCustomer(ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD, tokenDelivery: 'bearer' },
    });
    expect(response.statusCode).toBe(200);
    const { accessToken } = response.json<{ accessToken: string }>();
    expect(accessToken).toMatch(/^ey/);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.json()).toMatchObject({ id: user.id });
  });

  it('names the field when the token delivery is unknown', async () => {
    const user = await createCustomer(ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD, tokenDelivery: 'url' },
    });
    const problem = expectProblem(response, 400, 'validation_failed') as { errors: Array<{ path: string }> };
    expect(problem.errors.map((error) => error.path)).toContain('tokenDelivery');
  });

  it('stores passwords as argon2id with m=19456, t=2, p=1', async () => {
    const user = await createCustomer(ctx.db);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const user = await createCustomer(ctx.db);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'not-the-password' },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody-here@example.com', password: 'not-the-password' },
    });
    const a = expectProblem(wrong, 401, 'unauthenticated');
    const b = expectProblem(unknown, 401, 'unauthenticated');
    expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
  });

  it('refuses a disabled account and one without a password like a wrong password', async () => {
    const disabled = await createCustomer(ctx.db, { disabledAt: new Date() });
    const noPassword = await createCustomer(ctx.db);
    await ctx.db.update(users).set({ passwordHash: null }).where(eq(users.id, noPassword.id));
    for (const email of [disabled.email, noPassword.email]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      expectProblem(response, 401, 'unauthenticated');
    }
  });

  it('names the invalid fields', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nope' } });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['email', 'password']);
  });
});

describe('GET /me', () => {
  it('answers for a bearer token and for the cookie', async () => {
    const { user, bearer, cookie } = await signedInCustomer(ctx.app, ctx.db);
    for (const headers of [bearer, { cookie }]) {
      const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id: user.id,
        customerNumber: user.customerNumber,
        email: user.email,
        name: user.name,
        company: user.company,
        role: 'customer',
        staffRole: null,
        customerType: 'business',
        customerId: user.id,
        memberRole: 'owner',
        permissions: [...rolePermissions.owner],
        mfaRequired: false,
        language: 'de',
        secondFactorSetupRequired: false,
      });
    }
  });

  it('answers 401 without a session and with a forged token', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/v1/me' }), 401, 'unauthenticated');
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    });
    expectProblem(forged, 401, 'unauthenticated');
  });
});

describe('sessions', () => {
  it('stops a token at once when its session is revoked by logout', async () => {
    const { bearer } = await signedInCustomer(ctx.app, ctx.db);
    const logout = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer });
    expect(logout.statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer }), 401);
  });

  it('keeps other sessions of the same customer alive on logout', async () => {
    const user = await createCustomer(ctx.db);
    const first = await signIn(ctx.app, user.email);
    const second = await signIn(ctx.app, user.email);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: first.bearer });
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: second.bearer });
    expect(response.statusCode).toBe(200);
  });

  it('ends the session of an account that is disabled', async () => {
    const { user, bearer } = await signedInCustomer(ctx.app, ctx.db);
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer }), 401);
  });

  it('refuses a state-changing cookie request from another site', async () => {
    const { cookie } = await signedInCustomer(ctx.app, ctx.db);
    const bySite = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expectProblem(bySite, 403, 'forbidden');
    const byOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expectProblem(byOrigin, 403, 'forbidden');
    const sameOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.statusCode).toBe(204);
  });

  it('refuses a correctly signed token without an expiry or an issue time', async () => {
    const { user, token } = await signedInCustomer(ctx.app, ctx.db);
    const claims = ctx.app.jwt.decode<{ sid: string; iat: number; exp: number }>(token);
    if (!claims) throw new Error('token did not decode');
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: user.id, sid: claims.sid, role: 'customer' };
    const me = (jwt: string) => ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${jwt}` } });
    expect((await me(handSigned({ ...base, iat: now, exp: now + 600 }))).statusCode).toBe(200);
    expectProblem(await me(handSigned({ ...base, iat: now })), 401, 'unauthenticated');
    expectProblem(await me(handSigned({ ...base, exp: now + 600 })), 401, 'unauthenticated');
  });
});

/** An HS256 token signed with the app's key, with exactly the claims given. */
function handSigned(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', ctx.config.jwtSecret).update(unsigned).digest('base64url')}`;
}
