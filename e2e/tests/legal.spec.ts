import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from '../fixtures';

async function expectAxeClean(page: Page, what: string) {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`),
    `WCAG 2.1 AA violations on ${what}`,
  ).toEqual([]);
}

test('a visitor opens the Impressum and the privacy notice from the sign-in page, in German and English', async ({
  page,
}) => {
  await page.goto('/login');
  const legal = page.getByRole('navigation', { name: 'Rechtliches' });

  await legal.getByRole('link', { name: 'Impressum' }).click();
  await expect(page).toHaveURL(/\/impressum$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Impressum' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Angaben gemäß § 5 DDG' })).toBeVisible();
  await expect(page.getByText('Jana Petersen, Ole Hansen', { exact: false })).toBeVisible();
  await expect(page.getByText('DE312345678', { exact: false })).toBeVisible();
  await expectAxeClean(page, '/impressum');

  await page.getByRole('navigation', { name: 'Rechtliches' }).getByRole('link', { name: 'Datenschutz' }).click();
  await expect(page).toHaveURL(/\/datenschutz$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutzerklärung' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Wie lange wir Daten aufbewahren' })).toBeVisible();
  await expect(page.getByText('8 Jahre ab Ende des Kalenderjahres der Ausstellung', { exact: false })).toBeVisible();
  await expectAxeClean(page, '/datenschutz');

  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expectAxeClean(page, '/datenschutz in English');

  await page.getByRole('link', { name: 'To the customer portal' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('a consumer sees gross prices and the any-day cancellation rule', async ({ page }) => {
  await signIn(page, { email: 'privat@example.com', password: DEMO_PASSWORD }, '/products');
  await expect(page.getByRole('heading', { level: 1, name: 'Produkte' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ihre Kündigungsrechte als Verbraucher' })).toBeVisible();
  // Cloud-Server S: 19,00 € net is 22,61 € gross.
  await expect(page.getByText('22,61 € monatlich', { exact: false })).toBeVisible();
  await expect(page.getByText('inkl. 19 % USt.').first()).toBeVisible();
  await expect(page.getByText('unbefristet').first()).toBeVisible();
  const footer = page.locator('footer.app-footer');
  await expect(footer.getByRole('link', { name: 'Impressum' })).toHaveAttribute('href', '/impressum');
  await expect(footer.getByRole('link', { name: 'Datenschutz' })).toHaveAttribute('href', '/datenschutz');
  await expectAxeClean(page, '/products as a consumer');
});
