import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { expectData, withFiles } from '@portal/sdk';
import { apiAs, signIn, staff } from '../fixtures';

// A 1×1 PNG: a real screenshot as far as the API's content check is concerned.
const screenshot = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test('a customer opens a ticket with a screenshot, staff answer, the customer sees answer and status', async ({
  page,
  baseURL,
}) => {
  const subject = `Rack B12 ohne Strom ${Date.now()}`;
  await signIn(page, undefined, '/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakt' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^\+49/ })).toBeVisible();

  // Field errors first: the form names what is missing.
  await page.getByRole('button', { name: 'Ticket eröffnen' }).click();
  await expect(page.getByLabel('Betreff')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Kategorie').selectOption({ label: 'Technik' });
  const product = page.getByLabel('Betroffenes Produkt (optional)');
  await product.selectOption({ index: 1 });
  const productLabel = (await product.locator('option:checked').textContent()) ?? '';
  await page.getByLabel('Betreff').fill(subject);
  await page.getByLabel('Ihre Nachricht').fill('Seit 9 Uhr ist der A-Feed aus.\n<script>alert("x")</script>');
  await page.getByLabel('Dateien auswählen').setInputFiles({
    name: 'bildschirmfoto.png',
    mimeType: 'image/png',
    buffer: screenshot,
  });
  await expect(page.getByRole('button', { name: 'bildschirmfoto.png entfernen' })).toBeVisible();
  await page.getByRole('button', { name: 'Ticket eröffnen' }).click();
  await expect(page.getByText(/Ticket #\d+ wurde eröffnet\./)).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Offen');
  await row.getByRole('link', { name: subject }).click();
  await expect(page).toHaveURL(/\/contact\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByText('<script>alert("x")</script>')).toBeVisible();
  await expect(page.getByRole('main')).toContainText(productLabel);
  await expect(page.getByRole('button', { name: /bildschirmfoto\.png herunterladen/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /bildschirmfoto\.png herunterladen/ }).click();
  expect((await download).suggestedFilename()).toBe('bildschirmfoto.png');

  // Staff answer through the back-office API with the SDK, a report attached as multipart/form-data.
  const ticketId = page.url().split('/').pop() ?? '';
  const api = await apiAs(baseURL ?? '', staff);
  const answer = expectData(
    await api.POST('/api/v1/admin/tickets/{id}/messages', {
      params: { path: { id: ticketId } },
      body: { body: 'Techniker ist unterwegs. Bitte bestätigen Sie den Zugang.' },
      bodySerializer: withFiles([{ name: 'einsatzbericht.txt', content: new Blob(['Einsatz 08:15, Rack B12\n']) }]),
    }),
  );
  expect(answer.attachments.map((file) => file.filename)).toEqual(['einsatzbericht.txt']);

  await page.reload();
  await expect(page.getByText('Techniker ist unterwegs. Bitte bestätigen Sie den Zugang.')).toBeVisible();
  await expect(page.getByRole('button', { name: /einsatzbericht\.txt herunterladen/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Support' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Wartet auf Ihre Antwort')).toBeVisible();

  // The customer's reply hands the ticket back to the team.
  await page.getByLabel('Ihre Antwort').fill('Zugang bestätigt.');
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByText('Ihre Antwort wurde gesendet.')).toBeVisible();
  await expect(page.getByRole('main').locator('.page-actions')).toContainText('Offen');

  // The overview lists it among the open tickets.
  await page.goto('/');
  await expect(page.getByRole('link', { name: new RegExp(subject) })).toBeVisible();
});

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    test('the contact and ticket pages have no WCAG 2.1 AA violations', async ({ page }) => {
      await signIn(page, undefined, '/contact');
      await expect(page.getByRole('table')).toBeVisible();
      await expect(page.getByText('support@nordwind-rz.example')).toBeVisible();
      await expectNoViolations(page);
      await page.getByRole('link', { name: 'Rückfrage zur Rechnung (Strompauschale)' }).click();
      await expect(page.getByRole('article').first()).toBeVisible();
      await expectNoViolations(page);
    });
  });
}
