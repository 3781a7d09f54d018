import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { freshCustomer, signIn } from '../fixtures';

/**
 * Second factors as a customer meets them on Stammdaten › Sicherheit: the authenticator app (its
 * codes computed here, as the app would) and a passkey in Chromium's virtual authenticator (the
 * browser's real WebAuthn, no mock). Each journey makes its own customer.
 */

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function passwordStep(page: Page, account: { email: string; password: string }) {
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bestätigen Sie Ihre Anmeldung' })).toBeFocused();
}

test('a customer sets up the authenticator app, then signs in with password and code, and with a recovery code', async ({
  page,
  baseURL,
}) => {
  const account = await freshCustomer(baseURL ?? '', 'Tom Zweifaktor');
  await signIn(page, account, '/account/security');
  await expect(page.getByRole('heading', { level: 2, name: 'Sicherheit' })).toBeVisible();
  const totp = page.getByRole('region', { name: 'Authenticator-App' });
  await expect(totp.getByText('Nicht eingerichtet.', { exact: false })).toBeVisible();

  await totp.getByRole('button', { name: 'Authenticator-App einrichten' }).click();
  await expect(totp.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' })).toBeVisible();
  const secret = ((await totp.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A wrong code first: the field says so, the setup stays open.
  await totp.getByLabel('Sechsstelliger Code aus der App').fill('000000');
  await totp.getByRole('button', { name: 'Einschalten' }).click();
  await expect(totp.getByText('ist falsch oder wurde schon verwendet.')).toBeVisible();
  await totp.getByLabel('Sechsstelliger Code aus der App').fill(await generate({ secret }));
  await totp.getByRole('button', { name: 'Einschalten' }).click();

  const codes = page.getByTestId('recovery-codes');
  await expect(codes.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' })).toBeFocused();
  await expect(codes.getByRole('listitem')).toHaveCount(10);
  const recoveryCode = (await codes.getByRole('listitem').first().textContent())?.trim() ?? '';
  await codes.getByRole('button', { name: 'Ich habe die Codes gespeichert' }).click();
  await expect(codes).toHaveCount(0);
  await expect(totp.getByText(/^Eingerichtet seit /)).toBeVisible();
  await expect(totp.getByText('Noch 10 unbenutzte Codes.')).toBeVisible();

  // Password, then a code: the one of the next 30-second step, as the app shows it a moment later.
  await signOut(page);
  await passwordStep(page, account);
  const nextStep = Math.floor(Date.now() / 1000) + 30;
  await page.getByLabel('Code oder Wiederherstellungscode').fill(await generate({ secret, epoch: nextStep }));
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();

  // Without the phone: a recovery code, once.
  await signOut(page);
  await passwordStep(page, account);
  await page.getByLabel('Code oder Wiederherstellungscode').fill(recoveryCode);
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  await page.goto('/account/security');
  await expect(page.getByText('Noch 9 unbenutzte Codes.')).toBeVisible();
});

test.describe('passkeys', () => {
  // WebAuthn needs a domain as relying party: the portal is reached as localhost here (PUBLIC_URL of serve.mjs).
  test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 4173}` });

  test('a customer adds a passkey and signs in with it alone', async ({ page, baseURL }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    const account = await freshCustomer(baseURL ?? '', 'Pia Passkey');
    await signIn(page, account, '/account/security');
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await expect(passkeys.getByText('Noch kein Passkey registriert.')).toBeVisible();
    await passkeys.getByLabel('Name').fill('Laptop');
    await passkeys.getByLabel('Passwort', { exact: true }).fill(account.password);
    await passkeys.getByRole('button', { name: 'Passkey hinzufügen' }).click();
    await expect(passkeys.getByText('Der Passkey „Laptop“ ist hinzugefügt.')).toBeVisible();
    await expect(passkeys.getByRole('cell', { name: 'Laptop', exact: true })).toBeVisible();
    await expect(passkeys.getByRole('cell', { name: 'noch nie', exact: true })).toBeVisible();

    await signOut(page);
    await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText('Pia Passkey');

    // The sign-in shows on the passkey, and removing it ends its use.
    await page.goto('/account/security');
    await expect(passkeys.getByRole('cell', { name: 'noch nie', exact: true })).toHaveCount(0);
    await passkeys.getByRole('button', { name: 'Passkey „Laptop“ entfernen' }).click();
    await passkeys.getByRole('button', { name: 'Ja, entfernen' }).click();
    await expect(passkeys.getByText('Noch kein Passkey registriert.')).toBeVisible();
    await signOut(page);
    await page.getByRole('button', { name: 'Mit Passkey anmelden' }).click();
    await expect(page.getByRole('alert')).toContainText('Passkey');
    await expect(page).toHaveURL(/\/login$/);
  });
});
