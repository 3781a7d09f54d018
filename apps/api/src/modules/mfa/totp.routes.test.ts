import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, TEST_PASSWORD } from '../../../test/factories';
import { enrolTotp, passwordStep, testClock, totpCode } from '../../../test/mfa';
import { recoveryCodes, securityEvents, sessions, totpFactors } from '../../db/schema/index';
import { CODE_FAILURES_PER_WINDOW } from './code-throttle';

const clock = testClock();
const ctx = useTestApp({}, { now: clock.now });
const API = '/api/v1';

const typesOf = async (userId: string) =>
  (await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, userId))).map((row) => row.type);
const sessionCount = async (userId: string) =>
  (await ctx.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

const secondStep = (payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `${API}/auth/mfa`, payload });

/** A customer with the authenticator app set up, signed out again (only the setup session exists). */
async function enrolledCustomer() {
  const customer = await signedInCustomer(ctx.app, ctx.db);
  const { secret, recoveryCodes: codes } = await enrolTotp(ctx.app, customer, clock.now());
  // The code of the enrolment's step is used; the tests sign in with the following one.
  clock.advance(30_000);
  return { ...customer, secret, codes };
}

describe('setting up the authenticator app', () => {
  it('answers a new secret, its otpauth URL and a QR code, and stores the secret encrypted', async () => {
    const { user, bearer } = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({ method: 'POST', url: `${API}/account/mfa/totp`, headers: bearer });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{ secret: string; otpauthUrl: string; qrCodeSvg: string }>();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(body.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(body.secret);
    expect(decodeURIComponent(url.pathname)).toContain(user.email);
    expect(body.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const [row] = await ctx.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
    expect(row?.confirmedAt).toBeNull();
    expect(row?.secretCiphertext).not.toContain(body.secret);
    // Not on until confirmed: the password alone still signs in.
    const login = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.json()).toHaveProperty('customer');
  });

  it('turns on with the first code: ten recovery codes answered once and stored hashed, logged', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `${API}/account/mfa/totp/confirm`,
      headers: customer.bearer,
      payload: { code: '000000' },
    });
    expectProblem(wrong, 409, 'conflict'); // nothing started yet
    const { codes } = await (async () => {
      const enrolled = await enrolTotp(ctx.app, customer, clock.now());
      return { codes: enrolled.recoveryCodes };
    })();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, customer.user.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((row) => row.codeHash)).not.toContain(code);
    const status = await ctx.app.inject({ url: `${API}/account/mfa`, headers: customer.bearer });
    expect(status.json()).toMatchObject({
      totp: { enabled: true, enabledAt: expect.any(String) },
      recoveryCodes: { remaining: 10, generatedAt: expect.any(String) },
      passkeys: 0,
    });
    expect(await typesOf(customer.user.id)).toContain('mfa.totp_enabled');
    // Once on, a second setup is refused until it is turned off.
    const again = await ctx.app.inject({ method: 'POST', url: `${API}/account/mfa/totp`, headers: customer.bearer });
    expectProblem(again, 409, 'conflict');
  });

  it('refuses a wrong confirmation code naming the field, and the enrolment stays pending', async () => {
    const { user, bearer } = await signedInCustomer(ctx.app, ctx.db);
    const started = await ctx.app.inject({ method: 'POST', url: `${API}/account/mfa/totp`, headers: bearer });
    const { secret } = started.json<{ secret: string }>();
    const code = await totpCode(secret, clock.now(), 5);
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `${API}/account/mfa/totp/confirm`,
      headers: bearer,
      payload: { code },
    });
    const problem = expectProblem(wrong, 400, 'validation_failed');
    expect(problem.errors).toEqual([{ path: 'code', code: 'codeWrong', message: 'is wrong or was already used' }]);
    const [row] = await ctx.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
    expect(row?.confirmedAt).toBeNull();
  });
});

describe('signing in with the authenticator app', () => {
  it('asks for the second factor after the password: no session, no access token, no cookie', async () => {
    const { user } = await enrolledCustomer();
    const before = await sessionCount(user.id);
    for (const tokenDelivery of ['cookie', 'bearer'] as const) {
      const { response, body } = await passwordStep(ctx.app, user.email, TEST_PASSWORD, tokenDelivery);
      expect(response.cookies).toEqual([]);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
      expect(body).not.toHaveProperty('accessToken');
      expect(body).not.toHaveProperty('customer');
      expect(body).toMatchObject({ mfaRequired: true, methods: ['totp', 'recovery_code'] });
      expect(
        new Date((body as unknown as { expiresAt: string }).expiresAt).getTime() - clock.now().getTime(),
      ).toBeLessThanOrEqual(300_000);
    }
    expect(await sessionCount(user.id)).toBe(before);
    expect(await typesOf(user.id)).toContain('sign_in.second_factor_required');
    // The challenge token is no access token.
    const { challengeToken } = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    const me = await ctx.app.inject({ url: `${API}/me`, headers: { authorization: `Bearer ${challengeToken}` } });
    expectProblem(me, 401, 'unauthenticated');
  });

  it('completes with a code: the browser gets only the cookie, an API client only the token', async () => {
    const { user, secret } = await enrolledCustomer();
    const browser = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    const done = await secondStep({
      challengeToken: browser.challengeToken,
      code: await totpCode(secret, clock.now()),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ customer: { id: user.id, email: user.email } });
    expect(done.json()).not.toHaveProperty('accessToken');
    const [cookie] = done.cookies;
    expect(cookie?.httpOnly).toBe(true);
    const me = await ctx.app.inject({ url: `${API}/me`, headers: { cookie: `${cookie?.name}=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);

    clock.advance(30_000);
    const client = await passwordStep(ctx.app, user.email, TEST_PASSWORD, 'bearer');
    const api = await secondStep({ challengeToken: client.challengeToken, code: await totpCode(secret, clock.now()) });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.cookies).toEqual([]);
    const token = api.json<{ accessToken: string }>().accessToken;
    expect((await ctx.app.inject({ url: `${API}/me`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(
      200,
    );
    const events = await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, user.id));
    expect(events.filter((event) => event.type === 'sign_in.mfa_succeeded').map((event) => event.details)).toEqual([
      { method: 'totp' },
      { method: 'totp' },
    ]);
  });

  it('lets the code that confirmed the setup sign in once: confirming authenticates nothing', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const { secret } = await enrolTotp(ctx.app, customer, clock.now());
    const code = await totpCode(secret, clock.now());
    const first = await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD, 'bearer');
    const done = await secondStep({ challengeToken: first.challengeToken, code });
    expect(done.statusCode, done.body).toBe(200);
    const again = await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD, 'bearer');
    expectProblem(await secondStep({ challengeToken: again.challengeToken, code }), 400, 'validation_failed');
  });

  it('refuses a code used once already (a replay within its 30-second window)', async () => {
    const { user, secret } = await enrolledCustomer();
    const code = await totpCode(secret, clock.now());
    const first = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    expect((await secondStep({ challengeToken: first.challengeToken, code })).statusCode).toBe(200);
    const second = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    const replay = await secondStep({ challengeToken: second.challengeToken, code });
    expect(expectProblem(replay, 400, 'validation_failed').errors?.[0]?.path).toBe('code');
    // Nor the code of the step before it.
    const earlier = await secondStep({
      challengeToken: second.challengeToken,
      code: await totpCode(secret, clock.now(), -1),
    });
    expectProblem(earlier, 400, 'validation_failed');
    // The next step's code works: the wrong ones left the challenge usable.
    clock.advance(30_000);
    const next = await secondStep({ challengeToken: second.challengeToken, code: await totpCode(secret, clock.now()) });
    expect(next.statusCode, next.body).toBe(200);
  });

  it('uses a challenge token once', async () => {
    const { user, secret } = await enrolledCustomer();
    const { challengeToken } = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    expect((await secondStep({ challengeToken, code: await totpCode(secret, clock.now()) })).statusCode).toBe(200);
    clock.advance(30_000);
    const again = await secondStep({ challengeToken, code: await totpCode(secret, clock.now()) });
    expectProblem(again, 401, 'unauthenticated');
    expectProblem(await secondStep({ challengeToken: 'no-such-token', code: '123456' }), 401, 'unauthenticated');
  });

  it('keeps a challenge usable after a wrong code until it expires after 5 minutes', async () => {
    const { user, secret } = await enrolledCustomer();
    const { challengeToken } = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    expectProblem(await secondStep({ challengeToken, code: '000000' }), 400, 'validation_failed');
    clock.advance(4 * 60_000 + 50_000);
    const inTime = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    clock.advance(20_000); // the first challenge is now 5 min 10 s old, the second 20 s
    const late = await secondStep({ challengeToken, code: await totpCode(secret, clock.now()) });
    expectProblem(late, 401, 'unauthenticated');
    const ok = await secondStep({ challengeToken: inTime.challengeToken, code: await totpCode(secret, clock.now()) });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('takes each recovery code once instead of a code, however it is typed, and logs it', async () => {
    const { user, codes } = await enrolledCustomer();
    const [code = ''] = codes;
    const first = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    const typed = code.toUpperCase().replace(/-/g, ' ');
    const done = await secondStep({ challengeToken: first.challengeToken, code: typed });
    expect(done.statusCode, done.body).toBe(200);
    const second = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    expectProblem(await secondStep({ challengeToken: second.challengeToken, code }), 400, 'validation_failed');
    const events = await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, user.id));
    expect(events.find((event) => event.type === 'mfa.recovery_code_used')?.details).toEqual({ remaining: 9 });
    expect(events.find((event) => event.type === 'sign_in.mfa_succeeded')?.details).toEqual({
      method: 'recovery_code',
    });
  });

  it(`throttles wrong codes per user: ${CODE_FAILURES_PER_WINDOW} per window, then 429 even for the right one`, async () => {
    const { user, secret } = await enrolledCustomer();
    const { challengeToken } = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    for (let attempt = 0; attempt < CODE_FAILURES_PER_WINDOW; attempt++) {
      expectProblem(await secondStep({ challengeToken, code: `99999${attempt % 10}` }), 400, 'validation_failed');
    }
    // A fresh challenge does not reset the count: it belongs to the user.
    const fresh = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    const refused = await secondStep({
      challengeToken: fresh.challengeToken,
      code: await totpCode(secret, clock.now()),
    });
    expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await typesOf(user.id)).toContain('sign_in.mfa_failed');
  });

  it('refuses the second step of a disabled account', async () => {
    const { user, secret } = await enrolledCustomer();
    const { challengeToken } = await passwordStep(ctx.app, user.email, TEST_PASSWORD);
    const { users } = await import('../../db/schema/index');
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expectProblem(
      await secondStep({ challengeToken, code: await totpCode(secret, clock.now()) }),
      401,
      'unauthenticated',
    );
  });
});

describe('turning the authenticator app off and new recovery codes', () => {
  it('needs the password and a code; then the password alone signs in again', async () => {
    const customer = await enrolledCustomer();
    const disable = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: `${API}/account/mfa/totp/disable`, headers: customer.bearer, payload });
    const code = await totpCode(customer.secret, clock.now());
    const noPassword = await disable({ password: 'wrong-password-123', code });
    expect(expectProblem(noPassword, 400, 'validation_failed').errors?.[0]?.path).toBe('password');
    const noCode = await disable({ password: TEST_PASSWORD, code: '000000' });
    expect(expectProblem(noCode, 400, 'validation_failed').errors?.[0]?.path).toBe('code');
    expectProblem(await disable({ password: TEST_PASSWORD }), 400, 'validation_failed');
    expect((await disable({ password: TEST_PASSWORD, code })).statusCode).toBe(204);

    expect(await ctx.db.select().from(totpFactors).where(eq(totpFactors.userId, customer.user.id))).toEqual([]);
    expect(await ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, customer.user.id))).toEqual([]);
    const login = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { email: customer.user.email, password: TEST_PASSWORD },
    });
    expect(login.json()).toHaveProperty('customer');
    expect(await typesOf(customer.user.id)).toContain('mfa.totp_disabled');
    expectProblem(await disable({ password: TEST_PASSWORD, code }), 409, 'conflict');
  });

  it('turns off with a recovery code when the phone is lost', async () => {
    const customer = await enrolledCustomer();
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/account/mfa/totp/disable`,
      headers: customer.bearer,
      payload: { password: TEST_PASSWORD, code: customer.codes[3] },
    });
    expect(response.statusCode, response.body).toBe(204);
  });

  it('regenerates the recovery codes with the password; the old ones stop working', async () => {
    const customer = await enrolledCustomer();
    const regenerate = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `${API}/account/mfa/recovery-codes`,
        headers: customer.bearer,
        payload: { password },
      });
    expectProblem(await regenerate('wrong-password-123'), 400, 'validation_failed');
    const response = await regenerate(TEST_PASSWORD);
    expect(response.statusCode, response.body).toBe(200);
    const fresh = response.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => customer.codes.includes(code))).toEqual([]);
    const step = await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD);
    expectProblem(await secondStep({ challengeToken: step.challengeToken, code: customer.codes[0] }), 400);
    expect((await secondStep({ challengeToken: step.challengeToken, code: fresh[0] })).statusCode).toBe(200);
    expect(await typesOf(customer.user.id)).toContain('mfa.recovery_codes_regenerated');
  });

  it('refuses new recovery codes while the app is not set up', async () => {
    const { bearer } = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/account/mfa/recovery-codes`,
      headers: bearer,
      payload: { password: TEST_PASSWORD },
    });
    expectProblem(response, 409, 'conflict');
  });
});
