import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { accountSections, expectNoSidewaysScroll, other, signIn } from '../fixtures';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

// Read-only: `other` is only looked at here, so the journey in account.spec.ts is not disturbed.
for (const section of accountSections) {
  test(`Stammdaten › ${section} fits 375 px and has no WCAG 2.1 AA violations`, async ({ page }) => {
    await signIn(page, other, `/account/${section}`);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Laden|Loading/ })).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectNoViolations(page);
  });
}

test('the reset page fits 375 px and has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/reset-password?token=x');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoViolations(page);
});
