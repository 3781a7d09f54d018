import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
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
