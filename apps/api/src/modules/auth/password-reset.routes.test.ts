import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer, signedInStaff, signIn } from '../../../test/factories';
import { accountTokens } from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';
import { hashToken } from '../account/account-tokens.repository';

const ctx = useTestApp();
const newPassword = 'frisch gesetztes Passwort';

/** The newest reset mail's link; the mail is written just after the 202 answer. */
async function linkTokenFor(email: string, mails = 1): Promise<string> {
  await vi.waitFor(async () => expect((await findEmailsTo(ctx.db, email)).length).toBeGreaterThanOrEqual(mails));
  const [mail] = await findEmailsTo(ctx.db, email);
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1];
  if (!token) throw new Error(`no link in the mail to ${email}`);
  return token;
}

const requestReset = (email: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
const confirmReset = (token: string, password = newPassword) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { token, newPassword: password },
  });

describe('password reset', () => {
  it('answers 202 for known and unknown addresses alike and mails only the known one', async () => {
    const customer = await createCustomer(ctx.db);
    const known = await requestReset(customer.email.toUpperCase());
    const unknown = await requestReset('niemand@example.com');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(await findEmailsTo(ctx.db, 'niemand@example.com')).toHaveLength(0);
    const token = await linkTokenFor(customer.email);
    // 256 random bits in base64url; the database holds only the hash.
    expect(token).toHaveLength(43);
    const [stored] = await ctx.db.select().from(accountTokens).where(eq(accountTokens.userId, customer.id));
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((stored?.expiresAt.getTime() ?? 0) - (stored?.createdAt.getTime() ?? 0)).toBeLessThanOrEqual(
      30 * 60_000 + 1000,
    );
  });

  it('sets the new password once, revokes every session and refuses the link a second time', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await requestReset(customer.user.email);
    const token = await linkTokenFor(customer.user.email);
    expect((await confirmReset(token)).statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: '/api/v1/me', headers: customer.bearer }), 401);
    await signIn(ctx.app, customer.user.email, newPassword);
    const again = expectProblem(await confirmReset(token, 'noch ein anderes Passwort'), 400, 'validation_failed');
    expect(again.errors).toEqual([{ path: 'token', code: 'tokenInvalid', message: 'is invalid or has expired' }]);
  });

  it('refuses an expired link and a weak password (the link stays usable after the latter)', async () => {
    const customer = await createCustomer(ctx.db);
    await requestReset(customer.email);
    const token = await linkTokenFor(customer.email);
    const weak = expectProblem(await confirmReset(token, 'password1234'), 400);
    expect(weak.errors?.[0]?.path).toBe('newPassword');
    await ctx.db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.tokenHash, hashToken(token)));
    expectProblem(await confirmReset(token), 400, 'validation_failed');
  });

  it('only the newest link works', async () => {
    const customer = await createCustomer(ctx.db);
    await requestReset(customer.email);
    const older = await linkTokenFor(customer.email);
    await requestReset(customer.email);
    const newer = await linkTokenFor(customer.email, 2);
    expectProblem(await confirmReset(older), 400);
    expect((await confirmReset(newer)).statusCode).toBe(204);
  });
});

describe('password reset throttling', () => {
  const throttled = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  it('answers 429 after a few requests for the same address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await throttled.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'x@example.com' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('POST /admin/customers', () => {
  const newCustomer = (email: string) => ({
    email,
    name: 'Ole Hansen',
    company: 'Hansen Hosting',
    address: { street: 'Dorfstraße 1', postalCode: '25917', city: 'Leck', country: 'DE' },
    vatId: 'DE987654321',
    customerType: 'business',
  });

  it('creates a customer without a password who sets one through the welcome link', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const email = `welcome-${Date.now()}@example.com`;
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/customers',
      headers: staff.bearer,
      payload: newCustomer(email),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email, name: 'Ole Hansen', customerNumber: expect.stringMatching(/^\d+$/) });
    // No password yet: no guess signs in.
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: newPassword },
    });
    expect(login.statusCode).toBe(401);
    const [welcome] = await findEmailsTo(ctx.db, email);
    expect(welcome?.template).toBe('account.welcome');
    expect(welcome?.textBody).toContain('/reset-password?token=');
    expect((await confirmReset(await linkTokenFor(email))).statusCode).toBe(204);
    await signIn(ctx.app, email, newPassword);

    const duplicate = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/customers',
      headers: staff.bearer,
      payload: newCustomer(email.toUpperCase()),
    });
    expectProblem(duplicate, 409, 'conflict');
  });

  it('answers 403 to customers and 401 without a session', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const payload = newCustomer('x-403@example.com');
    expectProblem(
      await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/customers', headers: customer.bearer, payload }),
      403,
    );
    expectProblem(await ctx.app.inject({ method: 'POST', url: '/api/v1/admin/customers', payload }), 401);
  });
});
