import { expect, test } from '@playwright/test';
import { demo, signIn } from '../fixtures';

test('a customer signs in, sees the overview, switches the language and signs out', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  for (const tab of ['Übersicht', 'Produkte', 'Rechnungen', 'Kontakt', 'Stammdaten']) {
    await expect(nav.getByRole('link', { name: tab })).toBeAttached();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('Mustermann Hosting GmbH');
  await expect(page.getByTestId('current-user')).toContainText('Kundennummer 10001');
  await expect(page.getByText('Wartung der Stromversorgung in Halle B')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByText('Power maintenance in hall B')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
});

test('a wrong password is reported at the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(demo.email);
  await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist falsch.');
});

test('an expired session returns to sign-in and then to the page asked for', async ({ page, context }) => {
  await signIn(page);
  await page.goto('/contact');
  await context.clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=%2Fcontact$/);
  await page.getByLabel('E-Mail-Adresse').fill(demo.email);
  await page.getByLabel('Passwort', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).toHaveURL(/\/contact$/);
});
