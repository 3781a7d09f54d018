import { expect, test } from '@playwright/test';
import { asStaff, DEMO_PASSWORD, expectNoViolations, issueFreshInvoice, signIn } from '../fixtures';

const billing = { email: 'billing@example.com', password: DEMO_PASSWORD };

test('billing opens an invoice from the list and reads its lines, taxes and the recorded transfer', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // A customer and an invoice of the journey's own.
  const company = `Ibis ${Date.now()} GmbH`;
  const created = await asStaff(baseURL ?? '', '/admin/customers', {
    email: `e2e-invoice-detail-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name: 'Ida Ibis',
    company,
    address: { street: 'Norderstraße 40', postalCode: '24939', city: 'Flensburg', country: 'DE' },
    customerType: 'business',
  });
  expect(created.status).toBe(201);
  const customer = (await created.json()) as { id: string };
  const description = `Colocation 2 HE ${Date.now().toString(36)}`;
  const invoice = (await issueFreshInvoice(baseURL ?? '', customer.id, description)) as {
    id: string;
    number: string;
    issueDate: string;
    amounts: { gross: number };
  };
  const transfer = await asStaff(baseURL ?? '', `/admin/invoices/${invoice.id}/transfers`, {
    amount: invoice.amounts.gross, // a transfer settles exactly what is open
    receivedOn: invoice.issueDate,
    reference: invoice.number,
  });
  expect(transfer.status).toBe(201);

  await signIn(page, billing);
  await page
    .getByRole('navigation', { name: 'Backoffice-Navigation' })
    .getByRole('link', { name: 'Rechnungen' })
    .click();
  // Billing lands on the collections, whose dunning list has a "Suche" too: type once the invoices are there.
  await expect(page.getByRole('heading', { level: 1, name: 'Rechnungen' })).toBeVisible();
  await page.getByLabel('Suche', { exact: true }).fill(invoice.number);
  await page.getByRole('link', { name: invoice.number, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Rechnung ${invoice.number}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Angaben' })).toContainText(company);
  await expect(page.getByRole('region', { name: 'Positionen' })).toContainText(description);
  await expect(page.getByRole('region', { name: 'Positionen' })).toContainText('USt. 19 %');
  const payments = page.getByRole('region', { name: 'Zahlungen' });
  await expect(payments).toContainText('Überweisung');
  await expect(payments).toContainText((invoice.amounts.gross / 100).toFixed(2).replace('.', ','));
  await expect(page.getByRole('link', { name: `PDF der Rechnung ${invoice.number} öffnen` })).toHaveAttribute(
    'href',
    `/api/v1/admin/invoices/${invoice.id}/pdf`,
  );
  await expectNoViolations(page);
});
