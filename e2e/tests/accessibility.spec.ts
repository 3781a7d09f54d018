import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../fixtures';

/** WCAG 2.1 A and AA, the yardstick of the BFSG. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(summary).toEqual([]);
}

for (const language of ['Deutsch', 'English'] as const) {
  test(`sign-in page has no WCAG 2.1 AA violations (${language})`, async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: language }).click();
    await expectNoViolations(page);
  });
}

test('signed-in pages have no WCAG 2.1 AA violations', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expectNoViolations(page);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('keeps sufficient contrast', async ({ page }) => {
    await signIn(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoViolations(page);
    await page.goto('/login');
    await expectNoViolations(page);
  });
});
