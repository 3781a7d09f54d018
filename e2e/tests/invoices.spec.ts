import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { customerIdOf, issueFreshInvoice, signIn } from '../fixtures';

test('a customer opens an invoice as PDF and pays an open invoice by card on the provider page', async ({
  page,
  baseURL,
}) => {
  // The invoice this journey pays is its own: a retry pays another, the seeded ones stay open.
  const fresh = await issueFreshInvoice(
    baseURL ?? '',
    await customerIdOf(baseURL ?? ''),
    `Remote Hands E2E ${Date.now()}`,
  );
  await signIn(page);
  const openInvoices = page.getByRole('region', { name: 'Offene Rechnungen' });
  await expect(openInvoices.getByTestId('open-invoices-total')).toContainText('Offen insgesamt');

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Rechnungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rechnungen' })).toBeVisible();
  const rows = page.locator('table.invoice-table tbody tr');
  await expect(rows.filter({ hasText: 'Überfällig' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Bezahlt' }).first()).toBeVisible();

  // The PDF of the newest invoice.
  const first = rows.first();
  const number = (await first.getByRole('link').first().textContent())?.trim() ?? '';
  expect(number).toMatch(/^RE-\d{4}-\d{6}$/);
  const downloading = page.waitForEvent('download');
  await first.getByRole('button', { name: `PDF der Rechnung ${number}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = await readFile((await download.path()) ?? '');
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // Filter to the unpaid ones (paid ones disappear) and pay the fresh one by card.
  await page.getByLabel('Anzeigen').selectOption('unpaid');
  await expect(rows.filter({ hasText: 'Bezahlt' })).toHaveCount(0);
  const openNumber = fresh.number;
  const open = rows.filter({ hasText: openNumber });
  await expect(open).toContainText('Offen');
  await open.getByRole('button', { name: `Rechnung ${openNumber} bezahlen` }).click();
  const dialog = page.getByRole('dialog', { name: `Rechnung ${openNumber} bezahlen` });
  await dialog.getByRole('radio', { name: 'Kreditkarte' }).check();
  await dialog.getByRole('button', { name: 'Weiter' }).click();

  // The sandbox provider's hosted page.
  await expect(page.getByRole('heading', { name: 'Zahlung bestätigen' })).toBeVisible();
  await expect(page.getByText(openNumber)).toBeVisible();
  await page.getByRole('button', { name: 'Zahlung freigeben' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Rechnung ${openNumber}` })).toBeVisible();
  await expect(page.getByText('Vielen Dank! Ihre Zahlung ist eingegangen, die Rechnung ist bezahlt.')).toBeVisible();
  await expect(page.getByRole('main').getByText('Bezahlt', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Erfolgreich')).toBeVisible();
});

test('bank transfer shows the account details and a GiroCode', async ({ page }) => {
  await signIn(page, undefined, '/invoices');
  const overdue = page.locator('table.invoice-table tbody tr').filter({ hasText: 'Überfällig' });
  await overdue.getByRole('link').first().click();
  await expect(page.getByRole('img', { name: /GiroCode/ })).toBeVisible();
  await expect(page.getByText('Verwendungszweck')).toBeVisible();
});
