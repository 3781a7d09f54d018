import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from '../fixtures';

test('at 375 px each invoice is a compact card', async ({ page }) => {
  await signIn(page, undefined, '/invoices');
  const rows = page.locator('.invoice-table tbody tr');
  await expect(rows.first()).toBeVisible();
  // A card is number, dates, amount and status; a status with a debit date or a dunning step
  // (ADR 0018) wraps to a second line, hence the bound (the table was 3,684 px tall before).
  for (const row of await rows.all()) {
    expect((await row.boundingBox())?.height ?? 0).toBeLessThan(280);
  }
});

test('at 375 px the §312k form keeps its radio buttons beside their labels', async ({ page }) => {
  await page.goto('/kuendigen');
  for (const radio of await page.locator('main input[type="radio"]').all()) {
    const gap = await radio.evaluate((input) => {
      const text = input.closest('label')?.querySelector('span');
      return (text?.getBoundingClientRect().left ?? 1e6) - input.getBoundingClientRect().right;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(24);
  }
  await expectNoSidewaysScroll(page);
});
