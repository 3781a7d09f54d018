import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from '../fixtures';

test('at 375 px the products, a product with its tabs and the public cancellation fit the screen', async ({ page }) => {
  await signIn(page, undefined, '/products');
  await expect(page.getByRole('heading', { level: 1, name: 'Produkte' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rack B-07' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.getByRole('link', { name: 'Rack B-07' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rack B-07' })).toBeVisible();
  for (const tab of ['Übersicht', 'Vertragliches', 'Kündigung']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectNoSidewaysScroll(page);
  }

  await page.goto('/kuendigen');
  await expect(page.getByRole('button', { name: 'jetzt kündigen' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
