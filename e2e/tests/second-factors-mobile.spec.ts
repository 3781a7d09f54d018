import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { expectNoSidewaysScroll, freshCustomer, signIn } from '../fixtures';

/** Every state of the second-factor screens at 375 px: no sideways scrolling, no WCAG 2.1 AA violation. */
async function expectFitsAndAccessible(page: Page, what: string) {
  await expectNoSidewaysScroll(page, what);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`),
    what,
  ).toEqual([]);
}

test('the security page, its setup and recovery codes, and the second sign-in step fit a phone', async ({
  page,
  baseURL,
}) => {
  const account = await freshCustomer(baseURL ?? '', 'Mia Mobil');
  await signIn(page, account, '/account/security');
  await expect(page.getByRole('heading', { level: 2, name: 'Sicherheit' })).toBeVisible();
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await expectFitsAndAccessible(page, 'the security page');

  await page.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByRole('button', { name: 'Einschalten' }).click();
  await expect(page.getByText('Bitte ausfüllen.')).toBeVisible();
  await expectFitsAndAccessible(page, 'the setup with a field error');

  await page.getByLabel('Sechsstelliger Code aus der App').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Einschalten' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await expectFitsAndAccessible(page, 'the recovery codes');

  await page.getByRole('button', { name: 'Ich habe die Codes gespeichert' }).click();
  await page.getByText('Authenticator-App entfernen').first().click();
  await expectFitsAndAccessible(page, 'the page with the app set up');

  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bestätigen Sie Ihre Anmeldung' })).toBeVisible();
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByText('Bitte geben Sie den Code ein.')).toBeVisible();
  await expectFitsAndAccessible(page, 'the second step');
  await page.getByLabel('Code oder Wiederherstellungscode').fill('000000');
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByText('Der Code ist falsch oder wurde schon verwendet.')).toBeVisible();
  await expectFitsAndAccessible(page, 'the second step with a wrong code');
});
