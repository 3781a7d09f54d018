import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { other, signIn } from '../fixtures';

const pages = [
  '/account/profile',
  '/account/security',
  '/account/bank',
  '/account/sessions',
  '/account/api-access',
  '/account/export',
  '/account/delete',
];

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

// Read-only: `other` is only looked at here, so the journey in account.spec.ts is not disturbed.
test('every Stammdaten page fits 375 px and has no WCAG 2.1 AA violations', async ({ page }) => {
  await signIn(page, other, '/account/profile');
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Laden|Loading/ })).toHaveCount(0);
    await expectNoOverflow(page);
    await expectNoViolations(page);
  }
});

test('the reset page fits 375 px and has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/reset-password?token=x');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoOverflow(page);
  await expectNoViolations(page);
});
