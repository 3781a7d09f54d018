import { expect, test } from '@playwright/test';
import { asStaff, customerIdOf, DEMO_PASSWORD, expectNoViolations, freshCustomer, signIn } from '../fixtures';

const admin = { email: 'admin@example.com', password: DEMO_PASSWORD };
const billing = { email: 'billing@example.com', password: DEMO_PASSWORD };

/** A consumer's cross-connect of the journey's own, booked through the staff API from 2026-01-01. */
async function bookThroughApi(baseURL: string, customer: { email: string; password: string }, label: string) {
  const booked = await asStaff(baseURL, '/admin/products', {
    customerId: await customerIdOf(baseURL, customer),
    sku: 'XCONNECT-SM',
    name: label,
    startDate: '2026-01-01',
    price: { amount: 9_900, interval: 'monthly' },
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: 0,
  });
  expect(booked.status).toBe(201);
  return (await booked.json()) as { id: string; contractNumber: string };
}

test('an admin books a product for a customer, changes its price, and the customer sees the new version', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A customer of the journey's own (a consumer): the seeded contracts stay as they are.
  const name = `Vera Vertrag ${Date.now()}`;
  const customer = await freshCustomer(baseURL ?? '', name);
  const customerId = await customerIdOf(baseURL ?? '', customer);
  const label = `Rack ${Date.now().toString(36)}`;

  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Backoffice-Navigation' }).getByRole('link', { name: 'Verträge' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verträge' })).toBeVisible();
  await expectNoViolations(page);

  // Book: customer by search, a catalogue product, consumer terms.
  const form = page.getByRole('region', { name: 'Produkt für einen Kunden buchen' });
  await form.getByLabel('Kunden suchen').fill(customer.email);
  const picker = form.getByRole('combobox', { name: /^Kunde/ });
  await expect(picker.locator(`option[value="${customerId}"]`)).toHaveCount(1);
  await picker.selectOption(customerId);
  await form.getByRole('combobox', { name: /^Produkt/ }).selectOption({ index: 1 });
  await form.getByLabel(/^Bezeichnung/).fill(label);
  await form.getByLabel(/^Vertragsbeginn/).fill('2026-01-01');
  await form.getByLabel(/^Preis netto in Euro/).fill('199,00');
  await form.getByLabel(/^Mindestlaufzeit/).fill('24');
  await form.getByLabel(/^Kündigungsfrist/).fill('1');
  await form.getByLabel(/^Verlängerung/).fill('0');
  await form.getByRole('button', { name: 'Buchen' }).click();
  // Booking renders the contract documents: seconds on a busy machine.
  const booked = form.getByText(/Der Vertrag (V-\d+) wurde gebucht/);
  await expect(booked).toBeVisible({ timeout: 30_000 });
  const contractNumber = /V-\d+/.exec((await booked.textContent()) ?? '')?.[0] ?? '';

  // Find it in the list and open it.
  await page.getByLabel('Suche', { exact: true }).fill(contractNumber);
  const row = page.getByRole('row').filter({ hasText: contractNumber });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(name);
  await expect(row).toContainText('199,00');
  await row.getByRole('link', { name: contractNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${contractNumber} · ${label}` })).toBeVisible();
  await expect(page.getByText('Seit der Buchung unverändert.')).toBeVisible();

  // Change the price from today.
  await page.getByRole('button', { name: 'Preis oder Bedingungen ändern' }).click();
  const dialog = page.getByRole('dialog', { name: `Vertrag ${contractNumber} ändern` });
  await dialog.getByLabel(/^Preis netto in Euro/).fill('229,00');
  await dialog.getByLabel(/^Grund/).fill('Gestiegene Energiekosten');
  await dialog.getByRole('button', { name: 'Änderung speichern' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('Die Fassung 2 wurde erstellt und dem Kunden mitgeteilt.')).toBeVisible();
  const changes = page.getByRole('region', { name: 'Änderungen von Preis und Bedingungen' });
  await expect(changes).toContainText('Fassung 2, gültig seit');
  await expect(changes).toContainText('Gestiegene Energiekosten');
  const documents = page.getByRole('region', { name: 'Vertragsunterlagen' });
  await expect(documents.getByRole('link', { name: /Vertragsänderung .* \(Fassung 2\)/ })).toBeVisible();
  await expect(documents.getByText('archiviert')).toHaveCount(1);
  await expectNoViolations(page);

  // The customer sees the change in Produkte and the new version beside the archived one.
  await page.context().clearCookies();
  await signIn(page, customer);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Produkte' }).click();
  await page.getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  const customerChanges = page.getByRole('region', { name: 'Vertragsänderungen' });
  await expect(customerChanges).toContainText('Gültig seit');
  await expect(customerChanges).toContainText('Gestiegene Energiekosten');
  await expect(customerChanges).toContainText('272,51'); // 229,00 € net + 19 % VAT, gross for a consumer
  await page.getByRole('tab', { name: 'Vertragliches' }).click();
  await expect(page.getByText('Archiviert – ersetzt durch eine neuere Fassung')).toHaveCount(1);
  await expect(page.getByText(/Vertragsänderung .* \(Fassung 2\)/)).toBeVisible();
});

test('an admin ends a contract with a reason, and the customer reads who ended it and when', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const customer = await freshCustomer(baseURL ?? '', `Enno Ende ${Date.now()}`);
  const label = `Backup ${Date.now().toString(36)}`;
  const { id, contractNumber } = await bookThroughApi(baseURL ?? '', customer, label);

  await signIn(page, admin, `/backoffice/contracts/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${contractNumber} · ${label}` })).toBeVisible();
  await page.getByRole('button', { name: 'Vertrag beenden' }).click();
  const dialog = page.getByRole('dialog', { name: `Vertrag ${contractNumber} beenden?` });
  await dialog.getByLabel(/^Letzter Vertragstag/).fill('2027-06-30');
  await dialog.getByLabel(/^Grund/).fill('Der Standort wird aufgegeben.');
  await dialog.getByRole('button', { name: 'Vertrag beenden' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const cancellation = page.getByRole('region', { name: 'Kündigung' });
  await expect(cancellation).toContainText('Beendet durch den Anbieter');
  await expect(cancellation).toContainText('30.06.2027');
  await expect(page.getByRole('button', { name: 'Vertrag beenden' })).toHaveCount(0);

  // The customer asks for three more months: the admin moves the end date.
  await page.getByRole('button', { name: 'Vertragsende verschieben' }).click();
  const move = page.getByRole('dialog', { name: `Vertragsende von ${contractNumber} verschieben?` });
  await expect(move.getByLabel(/^Neuer letzter Vertragstag/)).toHaveValue('2027-06-30');
  await move.getByLabel(/^Neuer letzter Vertragstag/).fill('2027-09-30');
  await move.getByLabel(/^Grund/).fill('Auf Wunsch des Kunden bis zum Umzug.');
  await move.getByRole('button', { name: 'Vertragsende verschieben' }).click();
  await expect(move).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText('Das neue Vertragsende wurde gespeichert und dem Kunden mitgeteilt.')).toBeVisible();
  await expect(cancellation).toContainText('30.09.2027');
  await expectNoViolations(page);

  await page.context().clearCookies();
  await signIn(page, customer, `/products/${id}?tab=cancellation`);
  await expect(page.getByRole('heading', { name: 'Beendigung durch den Anbieter' })).toBeVisible();
  await expect(page.getByText('Der Standort wird aufgegeben.')).toBeVisible();
  await expect(page.getByTestId('cancellation-effective-date')).toHaveText('30.09.2027');
});

test('an admin cancels a waiting change, and the customer’s contract and documents are as before', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const customer = await freshCustomer(baseURL ?? '', `Wanda Warten ${Date.now()}`);
  const label = `Port ${Date.now().toString(36)}`;
  const { id } = await bookThroughApi(baseURL ?? '', customer, label);
  const changed = await asStaff(baseURL ?? '', `/admin/contracts/${id}/changes`, {
    effectiveDate: '2099-01-01',
    price: { amount: 12_900, interval: 'monthly' },
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: 0,
    reason: 'Neue Preisliste',
  });
  expect(changed.status).toBe(201);

  await signIn(page, admin, `/backoffice/contracts/${id}`);
  const changes = page.getByRole('region', { name: 'Änderungen von Preis und Bedingungen' });
  await expect(changes).toContainText('wartet auf ihr Datum');
  const documents = page.getByRole('region', { name: 'Vertragsunterlagen' });
  await expect(documents.getByText('archiviert')).toHaveCount(1);
  await changes.getByRole('button', { name: 'Änderung (Fassung 2) zurücknehmen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Änderung (Fassung 2) zurücknehmen?' });
  await dialog.getByRole('button', { name: 'Änderung zurücknehmen' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText('Seit der Buchung unverändert.')).toBeVisible();
  await expect(documents.getByRole('link', { name: /Fassung 2/ })).toHaveCount(0);
  await expect(documents.getByText('archiviert')).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, customer, `/products/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Vertragsänderungen' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Vertragliches' }).click();
  await expect(page.getByText('Archiviert – ersetzt durch eine neuere Fassung')).toHaveCount(0);
});

test('billing reads contracts but may neither change nor book them', async ({ page }) => {
  await signIn(page, billing);
  await page.getByRole('navigation', { name: 'Backoffice-Navigation' }).getByRole('link', { name: 'Verträge' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verträge' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Produkt für einen Kunden buchen' })).toHaveCount(0);
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'Vertragsunterlagen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preis oder Bedingungen ändern' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Vertrag beenden' })).toHaveCount(0);
});
