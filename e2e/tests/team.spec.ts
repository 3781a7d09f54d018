import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD, freshCustomer, linkFromMail, signIn } from '../fixtures';

test('an owner invites a team member, who sets a password through the link and signs in in their role', async ({
  page,
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const owner = await freshCustomer(baseURL, 'Team GmbH');
  const memberEmail = `e2e-member-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await signIn(page, owner, '/account/team');
  await expect(page.getByRole('heading', { level: 2, name: 'Team' })).toBeVisible();
  await page.getByLabel('E-Mail-Adresse').fill(memberEmail);
  await page.getByLabel('Name', { exact: true }).fill('Berta Buchhaltung');
  await page.getByLabel('Rolle', { exact: true }).selectOption('billing');
  await page.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(page.getByText(`Die Einladung an ${memberEmail} ist unterwegs.`)).toBeVisible();
  const row = page.getByRole('row', { name: /Berta Buchhaltung/ });
  await expect(row.getByText('Eingeladen')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  // The member, in a browser of their own: the link from the invitation sets the password.
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  const link = await linkFromMail(memberEmail, '/reset-password?token=');
  await memberPage.goto(`${link.pathname}${link.search}`);
  await expect(
    memberPage.getByRole('heading', { level: 1, name: 'Willkommen! Legen Sie Ihr Passwort fest' }),
  ).toBeVisible();
  await memberPage.getByLabel('Neues Passwort', { exact: true }).fill(DEMO_PASSWORD);
  await memberPage.getByLabel('Neues Passwort wiederholen').fill(DEMO_PASSWORD);
  await memberPage.getByRole('button', { name: 'Passwort festlegen' }).click();
  await expect(memberPage.getByText('Ihr Passwort ist festgelegt.')).toBeVisible();

  await signIn(memberPage, { email: memberEmail, password: DEMO_PASSWORD }, '/account/team');
  await expect(memberPage.getByRole('row', { name: /Berta Buchhaltung/ }).getByText('Aktiv')).toBeVisible();
  // Billing sees the team, not the owner's tools, and works on the invoices.
  await expect(memberPage.getByRole('button', { name: 'Einladung senden' })).toHaveCount(0);
  await expect(memberPage.getByRole('link', { name: 'Rechnungen' }).first()).toBeVisible();
  await context.close();
});

/** The owner's side through the API, as a script of theirs would do it. */
async function asOwner(baseURL: string, owner: { email: string; password: string }) {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...owner, tokenDelivery: 'bearer' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseURL}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (response.status === 204 ? {} : await response.json()) as Record<string, unknown>;
  };
}

test('when the owners require an authenticator app, a member without one is led to set it up before anything else', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const owner = await freshCustomer(baseURL, 'Sicher GmbH');
  const api = await asOwner(baseURL, owner);
  const memberEmail = `e2e-member-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await api('POST', '/account/team', { email: memberEmail, name: 'Tim Technik', role: 'technical' });
  const link = await linkFromMail(memberEmail, '/reset-password?token=');
  await api('POST', '/auth/password-reset/confirm', {
    token: link.searchParams.get('token'),
    newPassword: DEMO_PASSWORD,
  });
  const { secret } = (await api('POST', '/account/mfa/totp')) as { secret: string };
  await api('POST', '/account/mfa/totp/confirm', { code: await generate({ secret }) });
  await api('PUT', '/account/team/mfa-requirement', { mfaRequired: true });

  await signIn(page, { email: memberEmail, password: DEMO_PASSWORD }, '/contact');
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByText('Bitte richten Sie eine Authenticator-App ein')).toBeVisible();

  const totp = page.getByRole('region', { name: 'Authenticator-App' });
  await totp.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
  const own = ((await totp.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await totp.getByLabel('Sechsstelliger Code aus der App').fill(await generate({ secret: own }));
  await totp.getByRole('button', { name: 'Einschalten' }).click();
  await page.getByTestId('recovery-codes').getByRole('button', { name: 'Ich habe die Codes gespeichert' }).click();
  await expect(page.getByText('Bitte richten Sie eine Authenticator-App ein')).toHaveCount(0);

  await page.goto('/contact');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Kontakt' })).toBeVisible();
});
