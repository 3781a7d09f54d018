import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { accountSections, demo, freshCustomer } from '../fixtures';

/**
 * Every page of every section, its dialogs and its error states, scanned with axe-core against
 * WCAG 2.1 A and AA (the yardstick of the BFSG) in German and English, light and dark.
 * Read-only for the demo customer: dialogs are opened and abandoned, nothing is submitted for real.
 */
const LANGUAGES = ['de', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Language = (typeof LANGUAGES)[number];

const words = {
  de: { next: 'Weiter zur Bestätigung', pay: /^Rechnung .* bezahlen$/, delete: 'Konto löschen …', signIn: 'Anmelden' },
  en: { next: 'Continue to confirmation', pay: /^Pay invoice /, delete: 'Delete account …', signIn: 'Sign in' },
} satisfies Record<Language, Record<string, string | RegExp>>;

/** Waits until the page has its heading and no query is loading any more. */
async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 4)
        .join(' | ')}`,
  );
  expect.soft(summary, `WCAG 2.1 AA violations on ${what}`).toEqual([]);
}

async function scan(page: Page, path: string) {
  await page.goto(path);
  await settle(page);
  await expectNoViolations(page, path);
}

/** The first link inside the page content whose address starts with `prefix`. */
async function firstLink(page: Page, prefix: string): Promise<string> {
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no link to ${prefix}`);
  return href;
}

async function useLanguage(page: Page, language: Language) {
  await page.addInitScript((value) => window.localStorage.setItem('portal.language', value), language);
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    for (const language of LANGUAGES) {
      test(`public pages have no WCAG 2.1 AA violations (${language}, ${scheme})`, async ({ page }) => {
        test.setTimeout(90_000);
        await useLanguage(page, language);
        await scan(page, '/login');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        // Errors announced at the fields.
        await page.getByRole('button', { name: words[language].signIn, exact: true }).click();
        await expect(page.locator('[aria-invalid="true"]')).toHaveCount(2);
        await expectNoViolations(page, '/login with field errors');

        await scan(page, '/kuendigen');
        await page.locator('main form button[type="submit"]').last().click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
        await expectNoViolations(page, '/kuendigen with field errors');

        await scan(page, '/reset-password');
        await scan(page, '/reset-password?token=invalid-token');
        await scan(page, '/confirm-email?token=invalid-token');
      });

      test(`signed-in pages and dialogs have no WCAG 2.1 AA violations (${language}, ${scheme})`, async ({ page }) => {
        test.setTimeout(180_000);
        await useLanguage(page, language);
        // Sign in through the API (same cookie jar as the page), so the scan does not depend on the form's words.
        const login = await page.request.post('/api/v1/auth/login', { data: demo });
        expect(login.ok()).toBe(true);

        await scan(page, '/');

        await scan(page, '/products');
        const product = await firstLink(page, '/products/');
        for (const tab of ['', '?tab=contract', '?tab=cancellation']) await scan(page, `${product}${tab}`);
        const next = page.getByRole('button', { name: words[language].next });
        if (await next.isVisible()) {
          await next.click();
          await expect(next).toBeHidden();
          await expectNoViolations(page, `${product} cancellation review`);
        }

        await scan(page, '/invoices');
        const invoice = await firstLink(page, '/invoices/');
        await page.getByRole('button', { name: words[language].pay }).first().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog.getByRole('radio').first()).toBeVisible();
        await expectNoViolations(page, '/invoices payment dialog');
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await scan(page, invoice);

        await scan(page, '/contact');
        await scan(page, await firstLink(page, '/contact/tickets/'));

        for (const section of accountSections) {
          await scan(page, `/account/${section}`);
        }
        // The demo customer's deletion page lists what stands in the way (scanned above).
        await expect(page.getByRole('link', { name: /V-\d+|^Offene Rechnung|^Open invoice/ }).first()).toBeVisible();
        await scan(page, '/no-such-page');
      });

      test(`the deletion form, its errors and confirmation have no WCAG 2.1 AA violations (${language}, ${scheme})`, async ({
        page,
        baseURL,
      }) => {
        test.setTimeout(90_000);
        await useLanguage(page, language);
        // A customer without contracts, so the form shows; it is never confirmed.
        const login = await page.request.post('/api/v1/auth/login', {
          data: await freshCustomer(baseURL ?? '', 'Barrierefrei Testkonto'),
        });
        expect(login.ok()).toBe(true);
        await scan(page, '/account/delete');
        await page.getByRole('button', { name: words[language].delete }).click();
        await expect(page.locator('.field-error').first()).toBeVisible();
        await expectNoViolations(page, '/account/delete with field errors');
        await page.locator('input[name="password"]').fill('not-the-password');
        await page.locator('input[name="confirm"]').check();
        await page.getByRole('button', { name: words[language].delete }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await expectNoViolations(page, '/account/delete confirmation');
      });
    }
  });
}
