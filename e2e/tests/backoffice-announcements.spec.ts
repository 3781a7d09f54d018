import { expect, test } from '@playwright/test';
import { asStaff, customerIdOf, DEMO_PASSWORD, expectNoViolations, freshCustomer, signIn } from '../fixtures';

const support = { email: 'support@example.com', password: DEMO_PASSWORD };

test('support writes an announcement for cross-connect customers, previews it, a customer sees it, support withdraws it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A customer of the journey's own with a cross-connect: the audience the announcement names.
  const customer = await freshCustomer(baseURL ?? '', `Mira Mitteilung ${Date.now()}`);
  const booked = await asStaff(baseURL ?? '', '/admin/products', {
    customerId: await customerIdOf(baseURL ?? '', customer),
    sku: 'XCONNECT-SM',
    startDate: '2026-01-01',
    price: { amount: 9_900, interval: 'monthly' },
    minimumTermMonths: 12,
    noticePeriodMonths: 1,
    renewalMonths: 0,
  });
  expect(booked.status).toBe(201);
  const marker = Date.now().toString(36);
  const titleDe = `Wartung Meet-Me-Room ${marker}`;
  const titleEn = `Meet-me room maintenance ${marker}`;

  await signIn(page, support);
  await page
    .getByRole('navigation', { name: 'Backoffice-Navigation' })
    .getByRole('link', { name: 'Mitteilungen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitteilungen' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Neue Mitteilung' });
  await form.getByRole('combobox', { name: /^Art/ }).selectOption('maintenance');
  await form.getByRole('combobox', { name: /^Empfänger/ }).selectOption('cross_connect');
  await form.getByLabel(/^Titel \(Deutsch\)/).fill(titleDe);
  await form.getByLabel(/^Titel \(Englisch\)/).fill(titleEn);
  await form
    .getByLabel(/^Text \(Deutsch\)/)
    .fill('Am Samstag tauschen wir Patchfelder; Ihre Verbindung bleibt bestehen.');
  await form.getByLabel(/^Text \(Englisch\)/).fill('On Saturday we replace patch panels; your connection stays up.');

  // The preview shows it as customers will see it, in both languages.
  const preview = form.getByRole('region', { name: /Vorschau/ });
  await expect(preview.getByRole('heading', { name: titleDe })).toBeVisible();
  await expect(preview.getByRole('heading', { name: titleEn })).toBeVisible();
  await expect(preview.getByText('Maintenance', { exact: true })).toBeVisible();
  await expect(preview.getByText('Wartung', { exact: true })).toBeVisible();
  await expectNoViolations(page);

  await form.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(form.getByText('Die Mitteilung wurde gespeichert.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: titleDe });
  await expect(row).toContainText('Sichtbar');
  await expect(row).toContainText('Cross-Connect');

  // The customer with a cross-connect reads it on the overview.
  await page.context().clearCookies();
  await signIn(page, customer);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await expect(page.getByRole('heading', { name: titleDe })).toBeVisible();

  // Support corrects the live announcement: new title and text, previewed before saving.
  const editedDe = `Wartung Meet-Me-Room verschoben ${marker}`;
  await page.context().clearCookies();
  await signIn(page, support, '/backoffice/announcements');
  await page
    .getByRole('row')
    .filter({ hasText: titleDe })
    .getByRole('button', { name: /^Bearbeiten/ })
    .click();
  const edit = page.getByRole('region', { name: `Mitteilung „${titleDe}“ bearbeiten` });
  await expect(edit.getByLabel(/^Titel \(Englisch\)/)).toHaveValue(titleEn);
  await edit.getByLabel(/^Titel \(Deutsch\)/).fill(editedDe);
  await edit.getByLabel(/^Text \(Deutsch\)/).fill('Die Wartung findet erst am Sonntag statt.');
  await expect(edit.getByRole('region', { name: /Vorschau/ }).getByRole('heading', { name: editedDe })).toBeVisible();
  await expectNoViolations(page);
  await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: editedDe })).toContainText('Sichtbar');

  await page.context().clearCookies();
  await signIn(page, customer);
  await expect(page.getByRole('heading', { name: editedDe })).toBeVisible();
  await expect(page.getByText('Die Wartung findet erst am Sonntag statt.')).toBeVisible();

  // Support withdraws it; it leaves the list.
  await page.context().clearCookies();
  await signIn(page, support, '/backoffice/announcements');
  await page
    .getByRole('row')
    .filter({ hasText: editedDe })
    .getByRole('button', { name: /^Zurückziehen/ })
    .click();
  const dialog = page.getByRole('dialog', { name: `„${editedDe}“ zurückziehen?` });
  await dialog.getByRole('button', { name: 'Zurückziehen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: editedDe })).toHaveCount(0);
});
