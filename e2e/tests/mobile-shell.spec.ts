import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from '../fixtures';

test('at 375 px the sidebar becomes a menu', async ({ page }) => {
  await signIn(page);
  const menu = page.getByRole('button', { name: 'Menü' });
  // The section link in the menu (the overview has an "Alle Rechnungen" link of its own).
  const invoices = page.getByRole('link', { name: 'Rechnungen', exact: true });
  await expect(menu).toBeVisible();
  await expect(invoices).toBeHidden();
  await menu.click();
  await invoices.click();
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(invoices).toBeHidden();
  await expectNoSidewaysScroll(page);
});
