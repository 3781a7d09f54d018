import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, TEST_PASSWORD } from '../../../test/factories';
import { findEmailsTo } from '../../mail/outbox.repository';
import { deliverOutbox } from '../../mail/outbox-sender';
import { issueAccountToken } from './account-tokens.repository';

const ctx = useTestApp();
const profile = {
  name: 'Erika Mustermann',
  address: { street: 'Deichweg 4', postalCode: '25813', city: 'Husum', country: 'DE' },
};

/** The token of the newest such mail; a reset mail is written after the answer (ADR 0010), so wait for it. */
async function linkTokenFor(email: string, template: string): Promise<string> {
  return vi.waitFor(
    async () => {
      const mail = (await findEmailsTo(ctx.db, email)).find((entry) => entry.template === template);
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1];
      if (!token) throw new Error(`no link in the ${template} mail to ${email}`);
      return token;
    },
    { timeout: 10_000, interval: 25 },
  );
}

const requestReset = (email: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
const confirmReset = (token: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { token, newPassword: 'ein ganz neues Passwort' },
  });

describe('links with tokens in e-mails', () => {
  it('never hands a live reset link out through the data export', async () => {
    const victim = await signedInCustomer(ctx.app, ctx.db);
    expect((await requestReset(victim.user.email)).statusCode).toBe(202);
    const token = await linkTokenFor(victim.user.email, 'account.password.reset');

    const exported = await ctx.app.inject({ url: '/api/v1/account/export', headers: victim.bearer });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain(token);
    expect(
      exported.json().emails.find((mail: { template: string }) => mail.template === 'account.password.reset'),
    ).toBeTruthy();
  });

  it('keeps no token in a mail body once the mail is delivered', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await requestReset(customer.user.email);
    const token = await linkTokenFor(customer.user.email, 'account.password.reset');
    const sent: string[] = [];
    const transport = {
      sendMail: async (mail: { text?: string; html?: string }) => {
        sent.push(`${mail.text}\n${mail.html}`);
      },
    };

    await deliverOutbox(ctx.db, transport, { from: 'portal@example.com', log: ctx.app.log, batchSize: 1000 });

    expect(sent.some((text) => text.includes(token))).toBe(true);
    const [stored] = await findEmailsTo(ctx.db, customer.user.email);
    expect(stored?.sentAt).not.toBeNull();
    expect(stored?.textBody).not.toContain(token);
    expect(stored?.htmlBody).not.toContain(token);
    expect(stored?.textBody).toContain('/reset-password?token=');
    // The link itself still works: only the stored copy forgot it.
    expect((await confirmReset(token)).statusCode).toBe(204);
  });

  it('invalidates a pending reset link when the e-mail address changes', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await requestReset(customer.user.email);
    const resetToken = await linkTokenFor(customer.user.email, 'account.password.reset');
    const newEmail = `neu-${customer.user.id}@example.com`;
    const changed = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/profile',
      headers: customer.bearer,
      payload: { ...profile, email: newEmail, currentPassword: TEST_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    const confirmToken = await linkTokenFor(newEmail, 'account.email-change.confirm');
    const confirmed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/email-confirmation',
      payload: { token: confirmToken },
    });
    expect(confirmed.statusCode).toBe(204);
    expectProblem(await confirmReset(resetToken), 400, 'validation_failed');
  });

  it('invalidates a pending reset link when the password changes', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await requestReset(customer.user.email);
    const resetToken = await linkTokenFor(customer.user.email, 'account.password.reset');
    const changed = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers: customer.bearer,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ein anderes sicheres Passwort' },
    });
    expect(changed.statusCode).toBe(204);
    expectProblem(await confirmReset(resetToken), 400, 'validation_failed');
  });

  it('invalidates an unused welcome link when the password changes', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const welcome = await issueAccountToken(ctx.db, { userId: customer.user.id, purpose: 'welcome' });
    const changed = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers: customer.bearer,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ein anderes sicheres Passwort' },
    });
    expect(changed.statusCode).toBe(204);
    expectProblem(await confirmReset(welcome), 400, 'validation_failed');
  });
});
