import type { TAuthenticationOptions, TRegistrationOptions } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, type SignedIn, signedInCustomer, TEST_PASSWORD } from '../../../test/factories';
import { enrolTotp, passwordStep, testClock } from '../../../test/mfa';
import { createSoftAuthenticator } from '../../../test/soft-authenticator';
import { passkeys, securityEvents } from '../../db/schema/index';

const clock = testClock();
const ctx = useTestApp({}, { now: clock.now });
const API = '/api/v1';
// The test configuration's PUBLIC_URL: the relying party the portal names.
const ORIGIN = 'http://localhost:3000';

const typesOf = async (userId: string) =>
  (await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, userId))).map((row) => row.type);

async function registrationOptions(session: SignedIn, password = TEST_PASSWORD) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `${API}/account/passkeys/options`,
    headers: session.bearer,
    payload: { password },
  });
  return response;
}

/** Adds a passkey the way the security page does: options with the password, then the authenticator's answer. */
async function addPasskey(session: SignedIn, name: string, authenticator = createSoftAuthenticator(ORIGIN)) {
  const options = (await registrationOptions(session)).json<{ options: TRegistrationOptions }>().options;
  const response = await ctx.app.inject({
    method: 'POST',
    url: `${API}/account/passkeys`,
    headers: session.bearer,
    payload: { name, credential: authenticator.register(options) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { passkey: response.json<{ id: string; name: string }>(), authenticator };
}

async function signInOptions() {
  const response = await ctx.app.inject({ method: 'POST', url: `${API}/auth/passkey/options` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ options: TAuthenticationOptions }>().options;
}

const passkeySignIn = (payload: Record<string, unknown>) =>
  ctx.app.inject({ method: 'POST', url: `${API}/auth/passkey`, payload });

describe('registering passkeys', () => {
  it('asks for the password first, then offers a discoverable credential for this site', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const wrong = await registrationOptions(customer, 'wrong-password-123');
    expect(expectProblem(wrong, 400, 'validation_failed').errors?.[0]?.path).toBe('password');
    const response = await registrationOptions(customer);
    expect(response.statusCode, response.body).toBe(200);
    const { options } = response.json<{ options: TRegistrationOptions }>();
    expect(options.rp).toEqual({ name: 'Nordwind Rechenzentren GmbH', id: 'localhost' });
    expect(options.user.name).toBe(customer.user.email);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required' });
    expect(options.challenge.length).toBeGreaterThanOrEqual(40);
  });

  it('registers several with names; lists, renames and removes them, each logged', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const { passkey: laptop } = await addPasskey(customer, 'Laptop');
    const { passkey: phone } = await addPasskey(customer, '  Telefon  ');
    expect(phone.name).toBe('Telefon');
    const list = await ctx.app.inject({ url: `${API}/account/passkeys`, headers: customer.bearer });
    expect(list.json<{ items: Array<{ name: string }> }>().items.map((item) => item.name)).toEqual([
      'Laptop',
      'Telefon',
    ]);
    const renamed = await ctx.app.inject({
      method: 'PATCH',
      url: `${API}/account/passkeys/${laptop.id}`,
      headers: customer.bearer,
      payload: { name: 'Arbeitslaptop' },
    });
    expect(renamed.json()).toMatchObject({ id: laptop.id, name: 'Arbeitslaptop', lastUsedAt: null });
    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: `${API}/account/passkeys/${laptop.id}`,
      headers: customer.bearer,
    });
    expect(removed.statusCode).toBe(204);
    const after = await ctx.app.inject({ url: `${API}/account/passkeys`, headers: customer.bearer });
    expect(after.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual([phone.id]);
    expect(await typesOf(customer.user.id)).toEqual(
      expect.arrayContaining(['passkey.added', 'passkey.renamed', 'passkey.removed']),
    );
    const status = await ctx.app.inject({ url: `${API}/account/mfa`, headers: customer.bearer });
    expect(status.json()).toMatchObject({ passkeys: 1, totp: { enabled: false } });
  });

  it("answers 404 for another user's passkey, and stores nothing secret in the export", async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const intruder = await signedInCustomer(ctx.app, ctx.db);
    const { passkey } = await addPasskey(owner, 'Laptop');
    for (const method of ['PATCH', 'DELETE'] as const) {
      const response = await ctx.app.inject({
        method,
        url: `${API}/account/passkeys/${passkey.id}`,
        headers: intruder.bearer,
        ...(method === 'PATCH' ? { payload: { name: 'Meins' } } : {}),
      });
      expectProblem(response, 404, 'not_found');
    }
    const exported = await ctx.app.inject({ url: `${API}/account/export`, headers: owner.bearer });
    expect(exported.statusCode).toBe(200);
    const { secondFactors } = exported.json<{ secondFactors: { passkeys: Array<Record<string, unknown>> } }>();
    expect(secondFactors).toMatchObject({ totp: null, recoveryCodes: null });
    expect(secondFactors.passkeys).toEqual([
      { id: passkey.id, name: 'Laptop', createdAt: expect.any(String), lastUsedAt: null, backedUp: false },
    ]);
  });

  it('refuses an answer for another origin, to a challenge not issued, or to one used already', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const authenticator = createSoftAuthenticator(ORIGIN);
    const register = async (credential: unknown) =>
      ctx.app.inject({
        method: 'POST',
        url: `${API}/account/passkeys`,
        headers: customer.bearer,
        payload: { name: 'X', credential },
      });
    const options = (await registrationOptions(customer)).json<{ options: TRegistrationOptions }>().options;
    const phishing = await register(authenticator.register(options, { origin: 'https://portal.example.net' }));
    expect(expectProblem(phishing, 400, 'validation_failed').errors?.[0]?.path).toBe('credential');
    const invented = await register(authenticator.register(options, { challenge: 'aW52ZW50ZWQtY2hhbGxlbmdl' }));
    expectProblem(invented, 400, 'validation_failed');
    const fresh = (await registrationOptions(customer)).json<{ options: TRegistrationOptions }>().options;
    expect((await register(authenticator.register(fresh))).statusCode).toBe(201);
    expectProblem(await register(authenticator.register(fresh)), 400, 'validation_failed');
    // Another user's challenge is not this user's.
    const other = await signedInCustomer(ctx.app, ctx.db);
    const othersOptions = (await registrationOptions(other)).json<{ options: TRegistrationOptions }>().options;
    expectProblem(await register(authenticator.register(othersOptions)), 400, 'validation_failed');
  });

  it('refuses an expired registration challenge (5 minutes)', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const options = (await registrationOptions(customer)).json<{ options: TRegistrationOptions }>().options;
    clock.advance(5 * 60_000 + 1_000);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/account/passkeys`,
      headers: customer.bearer,
      payload: { name: 'Zu spät', credential: createSoftAuthenticator(ORIGIN).register(options) },
    });
    expectProblem(response, 400, 'validation_failed');
  });
});

describe('signing in with a passkey alone', () => {
  it('signs in with a discoverable credential: cookie for the browser, token for an API client', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const { authenticator, passkey } = await addPasskey(customer, 'Laptop');
    const browser = await passkeySignIn({ credential: authenticator.authenticate(await signInOptions()) });
    expect(browser.statusCode, browser.body).toBe(200);
    expect(browser.json()).toMatchObject({ customer: { id: customer.user.id } });
    expect(browser.json()).not.toHaveProperty('accessToken');
    expect(browser.cookies[0]?.httpOnly).toBe(true);

    const client = await passkeySignIn({
      credential: authenticator.authenticate(await signInOptions()),
      tokenDelivery: 'bearer',
    });
    expect(client.cookies).toEqual([]);
    const token = client.json<{ accessToken: string }>().accessToken;
    const me = await ctx.app.inject({ url: `${API}/me`, headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ id: customer.user.id });

    const [row] = await ctx.db.select().from(passkeys).where(eq(passkeys.id, passkey.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(row?.signCount).toBe(2);
    const events = await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, customer.user.id));
    expect(
      events.filter((event) => event.type === 'sign_in.succeeded' && event.details.method === 'passkey'),
    ).toHaveLength(2);
  });

  it('signs in without a second step even with the authenticator app on', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await enrolTotp(ctx.app, customer, clock.now());
    const { authenticator } = await addPasskey(customer, 'Laptop');
    const response = await passkeySignIn({ credential: authenticator.authenticate(await signInOptions()) });
    expect(response.json()).toMatchObject({ customer: { id: customer.user.id } });
  });

  it('refuses a replayed answer, a used or unknown challenge, no user verification, and unknown credentials', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const { authenticator } = await addPasskey(customer, 'Laptop');
    const options = await signInOptions();
    const credential = authenticator.authenticate(options);
    expect((await passkeySignIn({ credential })).statusCode).toBe(200);
    expectProblem(await passkeySignIn({ credential }), 401, 'unauthenticated');
    // A new challenge answered with an old signature counter: a cloned authenticator.
    const cloned = authenticator.authenticate(await signInOptions(), { counter: 1 });
    expectProblem(await passkeySignIn({ credential: cloned }), 401, 'unauthenticated');
    const noPin = authenticator.authenticate(await signInOptions(), { userVerified: false });
    expectProblem(await passkeySignIn({ credential: noPin }), 401, 'unauthenticated');
    const stranger = createSoftAuthenticator(ORIGIN);
    stranger.register((await registrationOptions(customer)).json<{ options: TRegistrationOptions }>().options);
    expectProblem(
      await passkeySignIn({ credential: stranger.authenticate(await signInOptions()) }),
      401,
      'unauthenticated',
    );
    const expired = await signInOptions();
    clock.advance(5 * 60_000 + 1_000);
    expectProblem(await passkeySignIn({ credential: authenticator.authenticate(expired) }), 401, 'unauthenticated');
  });

  it('refuses a removed passkey', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const { authenticator, passkey } = await addPasskey(customer, 'Laptop');
    await ctx.app.inject({ method: 'DELETE', url: `${API}/account/passkeys/${passkey.id}`, headers: customer.bearer });
    expectProblem(
      await passkeySignIn({ credential: authenticator.authenticate(await signInOptions()) }),
      401,
      'unauthenticated',
    );
  });
});

describe('a passkey as the second factor', () => {
  async function startSecondStep(challengeToken: string) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/mfa/passkey/options`,
      payload: { challengeToken },
    });
    return response;
  }

  it('completes the second step, offering only the user’s own passkeys', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await enrolTotp(ctx.app, customer, clock.now());
    const { authenticator } = await addPasskey(customer, 'Sicherheitsschlüssel');
    const step = await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD, 'bearer');
    expect(step.body.methods).toEqual(['totp', 'recovery_code', 'passkey']);
    const started = await startSecondStep(step.challengeToken);
    expect(started.statusCode, started.body).toBe(200);
    const { options } = started.json<{ options: TAuthenticationOptions }>();
    expect(options.allowCredentials?.map((entry) => entry.id)).toEqual([
      Buffer.from(authenticator.credentials[0]?.id ?? []).toString('base64url'),
    ]);
    const done = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/mfa/passkey`,
      payload: { challengeToken: step.challengeToken, credential: authenticator.authenticate(options) },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toHaveProperty('accessToken');
    const events = await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, customer.user.id));
    expect(events.find((event) => event.type === 'sign_in.mfa_succeeded')?.details).toMatchObject({
      method: 'passkey',
    });
    // Used up: neither a code nor the passkey completes it again.
    const again = await startSecondStep(step.challengeToken);
    expectProblem(again, 401, 'unauthenticated');
  });

  it("refuses another user's passkey and a challenge of another sign-in", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await enrolTotp(ctx.app, customer, clock.now());
    await addPasskey(customer, 'Eigener');
    const other = await signedInCustomer(ctx.app, ctx.db);
    const { authenticator: othersAuthenticator } = await addPasskey(other, 'Fremder');
    const step = await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD);
    const { options } = (await startSecondStep(step.challengeToken)).json<{ options: TAuthenticationOptions }>();
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/mfa/passkey`,
      payload: { challengeToken: step.challengeToken, credential: othersAuthenticator.authenticate(options) },
    });
    expectProblem(foreign, 401, 'unauthenticated');
    // A passkey sign-in challenge does not serve a second step.
    const { authenticator } = await addPasskey(customer, 'Zweiter');
    const wrongCeremony = await ctx.app.inject({
      method: 'POST',
      url: `${API}/auth/mfa/passkey`,
      payload: { challengeToken: step.challengeToken, credential: authenticator.authenticate(await signInOptions()) },
    });
    expectProblem(wrongCeremony, 401, 'unauthenticated');
    expect(await typesOf(customer.user.id)).toContain('sign_in.mfa_failed');
  });

  it('answers 409 when the account has no passkey to offer', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await enrolTotp(ctx.app, customer, clock.now());
    const step = await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD);
    expectProblem(await startSecondStep(step.challengeToken), 409, 'conflict');
  });
});
