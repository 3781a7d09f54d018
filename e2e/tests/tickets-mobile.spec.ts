import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from '../fixtures';

test('at 375 px the contact page and a ticket fit the screen', async ({ page }) => {
  await signIn(page, undefined, '/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakt' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Techniker-Zugang Rack B12 am Freitag' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole('link', { name: 'Techniker-Zugang Rack B12 am Freitag' }).click();
  await expect(page.getByRole('button', { name: 'Antwort senden' })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
