import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { accountSections, demo } from '../fixtures';

const outDir = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const variants = [
  { language: 'de', width: 375, scheme: 'light' },
  { language: 'en', width: 375, scheme: 'light' },
  { language: 'de', width: 1280, scheme: 'light' },
  { language: 'en', width: 1280, scheme: 'light' },
  { language: 'de', width: 1280, scheme: 'dark' },
  { language: 'en', width: 375, scheme: 'dark' },
] as const;

const words = {
  de: { pay: /^Rechnung .* bezahlen$/, menu: 'Menü' },
  en: { pay: /^Pay invoice /, menu: 'Menu' },
} as const;

async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function firstLink(page: Page, prefix: string): Promise<string> {
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
  if (!href) throw new Error(`no link to ${prefix}`);
  return href;
}

for (const { language, width, scheme } of variants) {
  const name = `${language}-${width}${scheme === 'dark' ? '-dark' : ''}`;
  test.describe(name, () => {
    test.use({ viewport: { width, height: width < 700 ? 740 : 900 }, colorScheme: scheme });

    test(`every page (${name})`, async ({ page }) => {
      const dir = `${outDir}${name}/`;
      mkdirSync(dir, { recursive: true });
      let count = 0;
      const shoot = async (label: string, fullPage = true) => {
        count += 1;
        await page.screenshot({ path: `${dir}${String(count).padStart(2, '0')}-${label}.png`, fullPage });
      };
      const visit = async (label: string, path: string) => {
        await page.goto(path);
        await settle(page);
        await shoot(label);
      };
      await page.addInitScript((value) => window.localStorage.setItem('portal.language', value), language);

      await visit('sign-in', '/login');
      await visit('public-cancellation', '/kuendigen');
      await visit('reset-password', '/reset-password');

      expect((await page.request.post('/api/v1/auth/login', { data: demo })).ok()).toBe(true);
      await visit('overview', '/');
      if (width < 700) {
        await page.getByRole('button', { name: words[language].menu }).click();
        await shoot('menu-open', false);
      }
      await visit('products', '/products');
      const product = await firstLink(page, '/products/');
      await visit('product', product);
      await visit('product-contract', `${product}?tab=contract`);
      await visit('product-cancellation', `${product}?tab=cancellation`);
      await visit('invoices', '/invoices');
      const invoice = await firstLink(page, '/invoices/');
      await page.getByRole('button', { name: words[language].pay }).first().click();
      await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible();
      await shoot('payment-dialog', false);
      await page.keyboard.press('Escape');
      await visit('invoice', invoice);
      await visit('contact', '/contact');
      await visit('ticket', await firstLink(page, '/contact/tickets/'));
      for (const section of accountSections) {
        await visit(`account-${section}`, `/account/${section}`);
      }
      await visit('not-found', '/no-such-page');
    });
  });
}
