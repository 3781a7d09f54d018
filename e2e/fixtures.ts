import { expect, type Page } from '@playwright/test';

/** The demo logins of ../shared/API.md, seeded into the e2e database. */
export const DEMO_PASSWORD = 'demo-passwort-2026';
export const demo = { email: 'demo@example.com', password: DEMO_PASSWORD };
export const other = { email: 'other@example.com', password: DEMO_PASSWORD };
export const staff = { email: 'support@example.com', password: DEMO_PASSWORD };

/** Signs in through the form, as a customer would, and waits for the portal frame. */
export async function signIn(page: Page, account = demo, path = '/') {
  await page.goto(path);
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  // The sidebar is a closed menu on phones, so wait for the page itself.
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
}

/** A bearer token for the back-office API, to act as staff in a journey. */
export async function staffToken(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...staff, tokenDelivery: 'bearer' }),
  });
  if (!response.ok) throw new Error(`staff sign-in failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
