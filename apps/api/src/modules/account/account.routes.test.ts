import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer, signIn, TEST_PASSWORD } from '../../../test/factories';
import { findEmailsTo } from '../../mail/outbox.repository';

const ctx = useTestApp();

const address = { street: 'Hafenstraße 5', postalCode: '24937', city: 'Flensburg', country: 'DE' };
const profile = {
  name: 'Jana Petersen',
  company: 'Petersen IT GmbH',
  address,
  phone: '+49 461 1234',
  vatId: 'DE 123 456 789',
};

describe('GET/PUT /account/profile', () => {
  it('shows and saves customer data, normalising the VAT ID', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: profile,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: 'Jana Petersen', vatId: 'DE123456789', address, pendingEmail: null });
    const read = await ctx.app.inject({ url: '/api/v1/account/profile', headers: customer.bearer });
    expect(read.json()).toMatchObject({
      email: customer.user.email,
      customerNumber: customer.user.customerNumber,
      phone: '+49 461 1234',
    });
  });

  it('names each invalid field', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, name: '', address: { ...address, country: 'XX' }, vatId: 'DE12345' },
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual(['name']);
    const second = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, address: { ...address, country: 'XX' }, vatId: 'ATU1234567' },
    });
    expect(
      expectProblem(second, 400)
        .errors?.map((error) => error.path)
        .sort(),
    ).toEqual(['address.country', 'vatId']);
  });

  it('refuses a postal code that does not fit the country, by code', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const put = (postalCode: string, country: string) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/v1/account/profile',
        headers: customer.bearer,
        payload: { ...profile, vatId: null, address: { ...address, postalCode, country } },
      });
    expect(expectProblem(await put('123', 'DE'), 400, 'validation_failed').errors).toEqual([
      {
        path: 'address.postalCode',
        code: 'postalCodeFormat',
        message: 'does not match the postal code format of the country',
      },
    ]);
    expect((await put('1010', 'AT')).statusCode).toBe(200);
  });

  it('gives every field error a code: from the rule, or from the zod issue with its limit', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, name: '', address: { ...address, city: 'x'.repeat(101) } },
    });
    expect(expectProblem(response, 400).errors).toEqual([
      { path: 'name', code: 'required', message: expect.any(String) },
      { path: 'address.city', code: 'tooLong', params: { maximum: 100 }, message: expect.any(String) },
    ]);
    const vat = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, vatId: 'DE12345' },
    });
    expect(expectProblem(vat, 400).errors).toEqual([
      { path: 'vatId', code: 'vatIdFormat', message: 'does not match the format of its country' },
    ]);
  });

  it('changes the e-mail only with the password and after the link to the new address', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const newEmail = `neu-${customer.user.id}@example.com`;
    const withoutPassword = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, email: newEmail },
    });
    expect(expectProblem(withoutPassword, 400).errors?.[0]?.path).toBe('currentPassword');

    const requested = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, email: newEmail, currentPassword: TEST_PASSWORD },
    });
    expect(requested.json()).toMatchObject({ email: customer.user.email, pendingEmail: newEmail });
    expect((await findEmailsTo(ctx.db, customer.user.email))[0]?.template).toBe('account.email-change.notice');
    const [confirmation] = await findEmailsTo(ctx.db, newEmail);
    const token = /token=([A-Za-z0-9_-]+)/.exec(confirmation?.textBody ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);

    const confirmed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/email-confirmation',
      payload: { token },
    });
    expect(confirmed.statusCode).toBe(204);
    await signIn(ctx.app, newEmail);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/email-confirmation',
      payload: { token },
    });
    expectProblem(again, 400, 'validation_failed');
  });

  it('refuses an address another account uses', async () => {
    const other = await createCustomer(ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, email: other.email.toUpperCase(), currentPassword: TEST_PASSWORD },
    });
    expectProblem(response, 409, 'conflict');
  });

  it('answers 401 without a session', async () => {
    expectProblem(await ctx.app.inject({ url: '/api/v1/account/profile' }), 401, 'unauthenticated');
    expectProblem(await ctx.app.inject({ method: 'PUT', url: '/api/v1/account/profile', payload: profile }), 401);
  });
});

describe('PUT /account/password', () => {
  const newPassword = 'ein ganz neues Passwort 2026';

  it('changes the password, ends every other session and tells the customer', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const otherDevice = await signIn(ctx.app, customer.user.email);
    const changed = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers: customer.bearer,
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expectProblem(await ctx.app.inject({ url: '/api/v1/me', headers: otherDevice.bearer }), 401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: customer.bearer })).statusCode).toBe(200);
    await signIn(ctx.app, customer.user.email, newPassword);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: customer.user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect((await findEmailsTo(ctx.db, customer.user.email))[0]?.template).toBe('account.password.changed');
  });

  it('needs the current password and a policy-conform new one', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db, { email: `jana.petersen-${Date.now()}@example.com` });
    const put = (payload: object) =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/account/password', headers: customer.bearer, payload });
    const wrong = expectProblem(await put({ currentPassword: 'falsch', newPassword }), 400);
    expect(wrong.errors).toEqual([{ path: 'currentPassword', code: 'wrongPassword', message: 'is wrong' }]);
    for (const [candidate, message] of [
      ['zu-kurz', 'at least 12'],
      ['qwerty123456', 'too common'],
      [`${customer.user.email.split('@')[0]}-geheim`, 'e-mail'],
      ['x'.repeat(129), 'at most 128'],
    ] as const) {
      const problem = expectProblem(await put({ currentPassword: TEST_PASSWORD, newPassword: candidate }), 400);
      expect(problem.errors?.[0]?.path).toBe('newPassword');
      expect(problem.errors?.[0]?.message).toContain(message);
    }
    expect((await put({ currentPassword: TEST_PASSWORD, newPassword: 'ä'.repeat(64) })).statusCode).toBe(204);
  });

  it('throttles guessing the current password per customer', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const bystander = await signedInCustomer(ctx.app, ctx.db);
    const guess = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/v1/account/password',
        headers,
        payload: { currentPassword: 'rate-mal', newPassword },
      });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) statuses.push((await guess(customer.bearer)).statusCode);
    expect(statuses.every((status) => status === 400)).toBe(true);
    expectProblem(await guess(customer.bearer), 429, 'rate_limited');
    expect((await guess(bystander.bearer)).statusCode).toBe(400);
  });

  it('answers 401 without a session', async () => {
    const response = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      payload: { currentPassword: 'a', newPassword },
    });
    expectProblem(response, 401);
  });
});

describe('sessions', () => {
  it('lists active sessions with device and IP, and ends one of them', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const phone = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: {
        'user-agent':
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1',
      },
      payload: { email: customer.user.email, password: TEST_PASSWORD, tokenDelivery: 'bearer' },
    });
    const phoneBearer = { authorization: `Bearer ${phone.json().accessToken}` };
    const list = await ctx.app.inject({ url: '/api/v1/account/sessions', headers: customer.bearer });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; device: string; current: boolean; ipAddress: string }>;
    expect(items).toHaveLength(2);
    const phoneSession = items.find((item) => item.device === 'Safari on iOS');
    expect(phoneSession?.current).toBe(false);
    expect(phoneSession?.ipAddress).toBe('127.0.0.1');
    expect(items.filter((item) => item.current)).toHaveLength(1);

    const ended = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/account/sessions/${phoneSession?.id}`,
      headers: customer.bearer,
    });
    expect(ended.statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: '/api/v1/me', headers: phoneBearer }), 401);
    const after = await ctx.app.inject({ url: '/api/v1/account/sessions', headers: customer.bearer });
    expect(after.json().items).toHaveLength(1);
  });

  it("answers 404 for another customer's session and 401 without one", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const [strangerSession] = (
      await ctx.app.inject({ url: '/api/v1/account/sessions', headers: stranger.bearer })
    ).json().items;
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/account/sessions/${strangerSession.id}`,
      headers: customer.bearer,
    });
    expectProblem(response, 404, 'not_found');
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: stranger.bearer })).statusCode).toBe(200);
    expectProblem(await ctx.app.inject({ url: '/api/v1/account/sessions' }), 401);
  });
});
