import { expect, test } from '@playwright/test';
import { asStaff, DEMO_PASSWORD, expectNoViolations, signIn } from '../fixtures';

const billing = { email: 'billing@example.com', password: DEMO_PASSWORD };

test('billing issues an invoice in the back office, finds it in the list and cancels it', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  // A customer of the journey's own: the seeded ones keep their invoices for other journeys.
  const company = `Reiher ${Date.now()} GmbH`;
  const created = await asStaff(baseURL ?? '', '/admin/customers', {
    email: `e2e-invoices-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name: 'Rita Rechnung',
    company,
    address: { street: 'Norderstraße 40', postalCode: '24939', city: 'Flensburg', country: 'DE' },
    customerType: 'business',
  });
  expect(created.status).toBe(201);
  const customer = (await created.json()) as { id: string };

  await signIn(page, billing);
  await page
    .getByRole('navigation', { name: 'Backoffice-Navigation' })
    .getByRole('link', { name: 'Rechnungen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rechnungen' })).toBeVisible();
  await expectNoViolations(page);

  const form = page.getByRole('region', { name: 'Rechnung ausstellen' });
  await form.getByLabel('Kunden suchen').fill(company);
  const picker = form.getByRole('combobox', { name: /^Kunde/ });
  await expect(picker.locator(`option[value="${customer.id}"]`)).toHaveCount(1);
  await picker.selectOption(customer.id);
  await form.getByLabel(/Leistungszeitraum von/).fill('2026-11-01');
  await form.getByLabel(/Leistungszeitraum bis/).fill('2026-11-30');
  await form.getByLabel(/Beschreibung/).fill('Colocation 1 HE, Halle A');
  await form.getByLabel(/Einzelpreis/).fill('49,90');
  await form.getByRole('button', { name: 'Rechnung ausstellen' }).click();
  const issued = form.getByText(/Die Rechnung (RE-\d{4}-\d+) wurde ausgestellt/);
  // Issuing and cancelling each render and archive a PDF: seconds on a busy machine.
  await expect(issued).toBeVisible({ timeout: 20_000 });
  const number = /RE-\d{4}-\d+/.exec((await issued.textContent()) ?? '')?.[0] ?? '';

  await page.getByLabel('Suche', { exact: true }).fill(number);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(company);
  await expect(row).toContainText('59,38');
  await expect(row).toContainText('Offen');
  await expect(row.getByRole('link', { name: `PDF der Rechnung ${number} öffnen` })).toHaveAttribute(
    'href',
    /\/api\/v1\/admin\/invoices\/.+\/pdf$/,
  );

  await row.getByRole('button', { name: 'Stornieren' }).click();
  const dialog = page.getByRole('dialog', { name: `Rechnung ${number} stornieren?` });
  await dialog.getByLabel(/Grund/).fill('Falscher Leistungszeitraum');
  await dialog.getByRole('button', { name: 'Stornieren' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(row).toContainText('Storniert');
  await expect(row.getByRole('button', { name: 'Stornieren' })).toHaveCount(0);

  // The customer's invoices now hold the invoice and its cancellation invoice.
  await page.getByLabel('Suche', { exact: true }).fill(company);
  await expect(page.getByRole('row').filter({ hasText: 'Stornorechnung' })).toHaveCount(1);

  // Search and filter live in the URL: a reload shows the same list.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('cancelled');
  await expect(page).toHaveURL(/[?&]status=cancelled/);
  await page.reload();
  await expect(page.getByLabel('Suche', { exact: true })).toHaveValue(company);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('cancelled');
  await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Storniert');
});
