import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { asStaff, customerIdOf, demo, signIn } from '../fixtures';

/**
 * Books a fresh product for the demo customer through the back-office API, so each run (and a
 * retry) cancels its own contract and the seeded demo stays as it is.
 */
async function bookFreshProduct(baseURL: string, name: string) {
  const response = await asStaff(baseURL, '/admin/products', {
    customerId: await customerIdOf(baseURL),
    sku: 'XCONNECT-SM',
    name,
    startDate: '2025-01-01',
    price: { amount: 9_900, interval: 'monthly' },
    minimumTermMonths: 12,
    noticePeriodMonths: 3,
    renewalMonths: 12,
  });
  if (response.status !== 201) throw new Error(`booking failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; contractNumber: string; contract: { earliestEndDate: string } };
}

const germanDate = (date: string) => {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
};

async function openProduct(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Produkte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Produkte' })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a customer opens a product, downloads its documents and cancels it at the earliest date', async ({
  page,
  baseURL,
}) => {
  const name = `Cross-Connect E2E ${Date.now()}`;
  const booked = await bookFreshProduct(baseURL ?? '', name);
  await signIn(page);
  await openProduct(page, name);

  // The list shows the seeded demo contracts too, the cancelled one with its end date.
  await page.goBack();
  const backupRow = page.getByRole('row', { name: /Backup-Speicher 2 TB/ });
  await expect(backupRow).toContainText('Gekündigt');
  await expect(backupRow).toContainText('endet am');
  await page.getByRole('link', { name }).click();

  const tabs = page.getByRole('tablist', { name: 'Produktbereiche' });
  await expect(tabs.getByRole('tab', { name: 'Übersicht' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(booked.contractNumber).first()).toBeVisible();
  await expect(page.getByText('10 Gbit/s')).toBeVisible();
  await expect(page.getByText(germanDate(booked.contract.earliestEndDate)).first()).toBeVisible();

  // Keyboard: the arrow key moves to "Vertragliches".
  await tabs.getByRole('tab', { name: 'Übersicht' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Vertragliches' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('row')).toHaveCount(5);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /Allgemeine Geschäftsbedingungen als PDF herunterladen/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('terms-2026-01.pdf');
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  await tabs.getByRole('tab', { name: 'Kündigung' }).click();
  const endDate = page.getByLabel('Gewünschtes Vertragsende');
  await expect(endDate).toHaveValue(booked.contract.earliestEndDate);
  await expect(page.getByText(`Frühestmöglich: ${germanDate(booked.contract.earliestEndDate)}`)).toBeVisible();

  // A date that is no term end comes back from the API as a field error naming the earliest.
  await endDate.fill(`${booked.contract.earliestEndDate.slice(0, 4)}-06-15`);
  await page.getByRole('button', { name: 'Weiter zur Bestätigung' }).click();
  await page.getByRole('button', { name: 'jetzt kündigen' }).click();
  await expect(page.getByText(/Zu diesem Datum kann der Vertrag nicht enden/)).toBeVisible();

  await endDate.fill(booked.contract.earliestEndDate);
  await page.getByLabel('Grund (freiwillig)').fill('Umzug in ein anderes Rechenzentrum');
  await page.getByRole('button', { name: 'Weiter zur Bestätigung' }).click();
  await expect(page.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Kündigung' })).toBeVisible();
  await page.getByRole('button', { name: 'jetzt kündigen' }).click();

  await expect(page.getByRole('heading', { name: 'Kündigungsbestätigung' })).toBeVisible();
  await expect(page.getByTestId('cancellation-effective-date')).toHaveText(germanDate(booked.contract.earliestEndDate));
  await expect(page.getByTestId('cancellation-received-at')).toContainText(String(new Date().getFullYear()));
  await expect(page.getByRole('button', { name: /Bestätigung drucken/ })).toBeVisible();

  // The end date shows everywhere: the header badge and the list.
  await expect(page.getByRole('main').getByText('Gekündigt').first()).toBeVisible();
  await page.getByRole('link', { name: /Zurück zu den Produkten/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(
    `endet am ${germanDate(booked.contract.earliestEndDate)}`,
  );
});

test('a visitor cancels through the public button without signing in and gets a receipt', async ({ page, baseURL }) => {
  const name = `Public E2E ${Date.now()}`;
  const booked = await bookFreshProduct(baseURL ?? '', name);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Verträge hier kündigen' }).click();
  await expect(page).toHaveURL(/\/kuendigen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verträge hier kündigen' })).toBeVisible();

  // Field errors first, then the declaration.
  await page.getByRole('button', { name: 'jetzt kündigen' }).click();
  await expect(page.getByText('Bitte füllen Sie das Feld „Name bzw. Firma“ aus.')).toBeVisible();
  await page.getByLabel('Name bzw. Firma').fill('Erika Mustermann');
  await page.getByLabel('E-Mail-Adresse für die Bestätigung').fill(demo.email);
  await page.getByLabel('Vertrag', { exact: true }).fill(booked.contractNumber);
  await expect(page.getByLabel('Zum nächstmöglichen Zeitpunkt')).toBeChecked();
  await page.getByRole('button', { name: 'jetzt kündigen' }).click();

  await expect(page.getByRole('heading', { name: 'Ihre Kündigung ist eingegangen' })).toBeVisible();
  const declaration = page.getByTestId('declaration');
  await expect(declaration).toContainText(/K-[A-Z2-9]{10}/);
  await expect(declaration).toContainText(booked.contractNumber);
  await expect(declaration).toContainText('nächstmöglicher Zeitpunkt');
  await expect(declaration).toContainText(String(new Date().getFullYear()));
  await expect(page.getByRole('button', { name: /drucken oder als PDF speichern/ })).toBeVisible();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Erklärung als Datei speichern' }).click();
  expect((await saved).suggestedFilename()).toMatch(/^kuendigung-K-[A-Z2-9]{10}\.txt$/);

  // Sent from the registered address, the declaration is applied after the answer (the matching job
  // runs on the next scheduler tick): the customer sees the contract cancelled at its earliest date.
  await signIn(page);
  await openProduct(page, name);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('main').getByText('Gekündigt').first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(germanDate(booked.contract.earliestEndDate)).first()).toBeVisible();
});

test('the footer of every signed-in page links to the public cancellation', async ({ page }) => {
  await signIn(page);
  await page.getByRole('main').getByRole('link', { name: 'Verträge hier kündigen' }).click();
  await expect(page).toHaveURL(/\/kuendigen$/);
});

test('the product page and the public form have no WCAG 2.1 AA violations', async ({ page }) => {
  const expectNoViolations = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  };
  await signIn(page, undefined, '/products');
  await page.getByRole('link', { name: 'Backup-Speicher 2 TB' }).click();
  for (const tab of ['Übersicht', 'Vertragliches', 'Kündigung']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    await expectNoViolations();
  }
  await page.goto('/kuendigen');
  await page.getByRole('button', { name: 'jetzt kündigen' }).click();
  await expect(page.getByText('Bitte füllen Sie das Feld „Name bzw. Firma“ aus.')).toBeVisible();
  await expectNoViolations();
});
