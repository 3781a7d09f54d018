import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, TEST_PASSWORD } from '../../../test/factories';

const ctx = useTestApp({ PUBLIC_URL: 'https://portal.example.com', ACCESS_TOKEN_TTL_MINUTES: '20' });

async function login(email: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
}

/** The session's JWT, as the browser holds it in the cookie. */
const cookieToken = (response: Awaited<ReturnType<typeof login>>) => response.cookies[0]?.value ?? '';

describe('session cookie over HTTPS', () => {
  it('is Secure and carries the __Host- prefix', async () => {
    const user = await createCustomer(ctx.db);
    const cookie = String((await login(user.email)).headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-portal_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain=');
  });

  it('sends HSTS', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/health' });
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
  });

  it('is renewed once past half its lifetime, while the session lives', async () => {
    const user = await createCustomer(ctx.db);
    const fresh = await login(user.email);
    const token = cookieToken(fresh);
    const claims = ctx.app.jwt.decode<{ sub: string; sid: string; role: 'customer' }>(token);
    if (!claims) throw new Error('token did not decode');
    const young = await ctx.app.inject({ url: '/api/v1/me', headers: { cookie: `__Host-portal_session=${token}` } });
    expect(young.statusCode).toBe(200);
    expect(young.headers['set-cookie']).toBeUndefined();

    // The same session, with a token issued 15 of its 20 minutes ago.
    const aged = ctx.app.jwt.sign(
      { sub: claims.sub, sid: claims.sid, role: claims.role },
      { clockTimestamp: Date.now() - 15 * 60_000 },
    );
    const renewed = await ctx.app.inject({ url: '/api/v1/me', headers: { cookie: `__Host-portal_session=${aged}` } });
    expect(renewed.statusCode).toBe(200);
    expect(String(renewed.headers['set-cookie'])).toMatch(/^__Host-portal_session=ey/);
  });

  it('refuses a token past its lifetime', async () => {
    const user = await createCustomer(ctx.db);
    const token = cookieToken(await login(user.email));
    const claims = ctx.app.jwt.decode<{ sub: string; sid: string; role: 'customer' }>(token);
    if (!claims) throw new Error('token did not decode');
    const expired = ctx.app.jwt.sign(
      { sub: claims.sub, sid: claims.sid, role: claims.role },
      { clockTimestamp: Date.now() - 25 * 60_000 },
    );
    const response = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${expired}` } });
    expect(response.statusCode).toBe(401);
  });
});
