import type { TRegistrationOptions } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer, TEST_PASSWORD } from '../../../test/factories';
import { enrolTotp, passwordStep, testClock } from '../../../test/mfa';
import { createSoftAuthenticator } from '../../../test/soft-authenticator';
import { passkeys, recoveryCodes, signInChallenges, totpFactors, webauthnChallenges } from '../../db/schema/index';
import { purgeChallenges } from './challenges.repository';

const clock = testClock();
const ctx = useTestApp({}, { now: clock.now });
const API = '/api/v1';

async function rowsOf(userId: string) {
  const [totp, codes, keys, steps, ceremonies] = await Promise.all([
    ctx.db.select().from(totpFactors).where(eq(totpFactors.userId, userId)),
    ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    ctx.db.select().from(passkeys).where(eq(passkeys.userId, userId)),
    ctx.db.select().from(signInChallenges).where(eq(signInChallenges.userId, userId)),
    ctx.db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, userId)),
  ]);
  return {
    totp: totp.length,
    codes: codes.length,
    keys: keys.length,
    steps: steps.length,
    ceremonies: ceremonies.length,
  };
}

/** A customer with every kind of second-factor record: app, codes, a passkey, open challenges. */
async function fullyEnrolled() {
  const customer = await signedInCustomer(ctx.app, ctx.db);
  await enrolTotp(ctx.app, customer, clock.now());
  const options = await ctx.app.inject({
    method: 'POST',
    url: `${API}/account/passkeys/options`,
    headers: customer.bearer,
    payload: { password: TEST_PASSWORD },
  });
  const authenticator = createSoftAuthenticator(ctx.app.mfa.rp.origin);
  const added = await ctx.app.inject({
    method: 'POST',
    url: `${API}/account/passkeys`,
    headers: customer.bearer,
    payload: {
      name: 'Laptop',
      credential: authenticator.register(options.json<{ options: TRegistrationOptions }>().options),
    },
  });
  expect(added.statusCode, added.body).toBe(201);
  // An open registration ceremony and an open second step.
  await ctx.app.inject({
    method: 'POST',
    url: `${API}/account/passkeys/options`,
    headers: customer.bearer,
    payload: { password: TEST_PASSWORD },
  });
  await passwordStep(ctx.app, customer.user.email, TEST_PASSWORD);
  return customer;
}

describe('second factors in the data lifecycle', () => {
  it('exports what is enrolled without secrets, hashes or keys', async () => {
    const customer = await fullyEnrolled();
    const response = await ctx.app.inject({ url: `${API}/account/export`, headers: customer.bearer });
    expect(response.statusCode).toBe(200);
    const { secondFactors } = response.json<{ secondFactors: unknown }>();
    expect(secondFactors).toEqual({
      totp: { enabledAt: expect.any(String) },
      recoveryCodes: { remaining: 10, generatedAt: expect.any(String) },
      passkeys: [
        { id: expect.any(String), name: 'Laptop', createdAt: expect.any(String), lastUsedAt: null, backedUp: false },
      ],
    });
    const [factor] = await ctx.db.select().from(totpFactors).where(eq(totpFactors.userId, customer.user.id));
    expect(response.body).not.toContain(factor?.secretCiphertext);
    expect(response.body).not.toMatch(/codeHash|publicKey|credentialId|secret/);
  });

  it('erases every second factor and open challenge when the account is deleted', async () => {
    const customer = await fullyEnrolled();
    expect(await rowsOf(customer.user.id)).toEqual({ totp: 1, codes: 10, keys: 1, steps: 1, ceremonies: 1 });
    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `${API}/account`,
      headers: customer.bearer,
      payload: { password: TEST_PASSWORD, confirm: true },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await rowsOf(customer.user.id)).toEqual({ totp: 0, codes: 0, keys: 0, steps: 0, ceremonies: 0 });
  });

  it('purges ended challenges and keeps open ones', async () => {
    const customer = await fullyEnrolled();
    await purgeChallenges(ctx.db, clock.now());
    expect(await rowsOf(customer.user.id)).toMatchObject({ steps: 1, ceremonies: 1 });
    await purgeChallenges(ctx.db, new Date(clock.now().getTime() + 5 * 60_000 + 1_000));
    expect(await rowsOf(customer.user.id)).toMatchObject({ steps: 0, ceremonies: 0, keys: 1, totp: 1 });
  });
});
