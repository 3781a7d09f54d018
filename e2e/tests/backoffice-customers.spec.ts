import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoViolations, linkFromMail, mailsTo, signIn } from '../fixtures';

const admin = { email: 'admin@example.com', password: DEMO_PASSWORD };

test('an admin creates an English-speaking customer, whose welcome e-mail comes in English', async ({ page }) => {
  const email = `e2e-welcome-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Backoffice-Navigation' }).getByRole('link', { name: 'Kunden' }).click();
  const form = page.getByRole('region', { name: 'Kunden anlegen' });
  await form.getByLabel(/^E-Mail-Adresse/).fill(email);
  await form.getByLabel(/^Name/).fill('Jane Doe');
  await form.getByLabel(/^Verbraucher/).check();
  await form.getByLabel(/^Englisch/).check();
  await expectNoViolations(page);
  await form.getByRole('button', { name: 'Kunden anlegen' }).click();
  await expect(form.getByText(/Der Kunde \d+ wurde angelegt/)).toBeVisible({ timeout: 20_000 });

  const link = await linkFromMail(email, '/reset-password?token=');
  const [welcome] = await mailsTo(email);
  expect(welcome?.text).toContain('Dear Jane Doe');

  // The new customer's own page in the back office, from the success message.
  await form.getByRole('link', { name: 'Kunden öffnen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Jane Doe/ })).toBeVisible();
  expect(link.searchParams.get('token')).toBeTruthy();
});
