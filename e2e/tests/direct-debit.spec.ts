import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { asStaff, customerIdOf, DEMO_PASSWORD, freshCustomer, signIn } from '../fixtures';

const directDebitCustomer = { email: 'lastschrift@example.com', password: DEMO_PASSWORD };
const germanDate = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(date);

test('a customer who pays by direct debit sees each invoice announced or submitted, and its history', async ({
  page,
}) => {
  await signIn(page, directDebitCustomer, '/invoices');
  const rows = page.locator('table.invoice-table tbody tr');
  await expect(rows.filter({ hasText: 'Lastschrift angekündigt für' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Lastschrift eingereicht' })).toHaveCount(2);
  // Nothing to pay by hand while the bank collects.
  await expect(rows.getByRole('button', { name: /bezahlen$/ })).toHaveCount(0);

  await rows.filter({ hasText: 'Lastschrift angekündigt für' }).last().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Rechnung RE-/ })).toBeVisible();
  const history = page.getByRole('region', { name: 'Verlauf' });
  await expect(history.getByText(/Lastschrift über 119,00\s€ angekündigt für \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
  await expect(page.getByText(/Lastschrift angekündigt für \d{2}\.\d{2}\.\d{4}/).first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  await page.evaluate(() => window.localStorage.setItem('portal.language', 'en'));
  await page.reload();
  await expect(page.getByText(/Direct debit announced for/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
});

test('"pay by direct debit" on an open invoice announces the next possible date instead of paying it', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? '';
  const account = await freshCustomer(base, 'Lena Lastschrift');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, tokenDelivery: 'bearer' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const bank = await fetch(`${base}/api/v1/account/bank-account`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ accountHolder: 'Lena Lastschrift', iban: 'DE89370400440532013000' }),
  });
  expect(bank.status).toBe(200);
  const issued = await asStaff(base, '/admin/invoices', {
    customerId: await customerIdOf(base, account),
    servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
    dueDate: '2099-03-15',
    directDebit: false,
    lines: [{ description: 'Remote Hands', quantity: 1, unit: 'Std.', unitPrice: 8_500, taxRate: 19 }],
  });
  expect(issued.status).toBe(201);
  const { number } = (await issued.json()) as { number: string };

  await signIn(page, account, '/invoices');
  const row = page.locator('table.invoice-table tbody tr').filter({ hasText: number });
  await expect(row).toContainText('Offen');
  await row.getByRole('button', { name: `Rechnung ${number} bezahlen` }).click();
  const dialog = page.getByRole('dialog', { name: `Rechnung ${number} bezahlen` });
  await dialog.getByRole('radio', { name: 'SEPA-Lastschrift' }).check();
  await dialog.getByRole('button', { name: 'Weiter' }).click();
  await expect(dialog.getByText(/^Lastschrift angekündigt für \d{2}\.\d{2}\.\d{4}\./)).toBeVisible();
  const announced = (await dialog.getByText(/^Lastschrift angekündigt für/).textContent())?.match(
    /\d{2}\.\d{2}\.\d{4}/,
  )?.[0];
  expect(announced && announced !== germanDate(new Date())).toBe(true);
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(row).toContainText(`Lastschrift angekündigt für ${announced}`);
  await expect(row.getByRole('button', { name: `Rechnung ${number} bezahlen` })).toHaveCount(0);
});
