import { expect, test } from '@playwright/test';
import { demo, freshCustomer, mailsTo, signIn } from '../fixtures';

test('a customer signs in, sees the overview and signs out', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  for (const tab of ['Übersicht', 'Produkte', 'Rechnungen', 'Kontakt', 'Stammdaten']) {
    await expect(nav.getByRole('link', { name: tab })).toBeAttached();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('Mustermann Hosting GmbH');
  await expect(page.getByTestId('current-user')).toContainText('Kundennummer 10001');
  await expect(page.getByText('Wartung der Stromversorgung in Halle B')).toBeVisible();

  await page.getByRole('button', { name: 'Abmelden' }).click();
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

// A customer of its own: the language a signed-in user picks is saved to the account.
test('the language a customer picks follows them to another browser and into their e-mails', async ({
  page,
  browser,
  baseURL,
}) => {
  const account = await freshCustomer(baseURL ?? '', 'Erika Mustermann');
  await signIn(page, account);
  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  // Another browser, never switched: it starts in the saved language.
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, account);
  await expect(elsewhere.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
  await elsewhere.close();

  // The mails follow it too.
  const before = (await mailsTo(account.email)).length;
  const reset = await fetch(`${baseURL}/api/v1/auth/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email }),
  });
  expect(reset.status).toBe(202);
  await expect.poll(async () => (await mailsTo(account.email)).slice(before).length, { timeout: 20_000 }).toBe(1);
  const [mail] = (await mailsTo(account.email)).slice(before);
  expect(mail?.text).toContain('Subject: Reset your password');
  expect(mail?.text).toContain('Dear Erika Mustermann,');
  expect(mail?.text).not.toContain('Guten Tag');
});
