import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures';

test('at 375 px the sidebar becomes a menu', async ({ page }) => {
  await signIn(page);
  const menu = page.getByRole('button', { name: 'Menü' });
  await expect(menu).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rechnungen' })).toBeHidden();
  await menu.click();
  await page.getByRole('link', { name: 'Rechnungen' }).click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByRole('link', { name: 'Rechnungen' })).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
});
