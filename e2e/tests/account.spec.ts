import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, freshCustomer, signIn } from '../fixtures';

const newPassword = 'Nordwind weht über Flensburg';

test('Stammdaten: customer data, bank data, sessions, export, password, deletion', async ({ page, baseURL }) => {
  // A customer without contracts of the journey's own, who ends up deleting the account.
  const lena = await freshCustomer(baseURL ?? '', 'Lena Vogt');
  await signIn(page, lena, '/account');
  await expect(page).toHaveURL(/\/account\/profile$/);
  await expect(page.getByRole('heading', { name: 'Kundendaten', level: 2 })).toBeVisible();

  // Kundendaten: a field error from the API, then a valid change.
  await page.getByLabel('Straße und Hausnummer').fill('Große Straße 7');
  await page.getByLabel('USt-IdNr. (optional)').fill('DE12345');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText(/^Die USt-IdNr\. hat nicht das Format ihres Landes\./)).toBeVisible();
  await page.getByLabel('USt-IdNr. (optional)').fill('');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Ihre Angaben sind gespeichert.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Straße und Hausnummer')).toHaveValue('Große Straße 7');

  // Bankdaten: a typo in the IBAN is caught; a valid one issues a mandate, downloadable as PDF.
  await page
    .getByRole('navigation', { name: 'Bereiche der Stammdaten' })
    .getByRole('link', { name: 'Bankdaten' })
    .click();
  await expect(page.getByText('Es sind noch keine Bankdaten hinterlegt.')).toBeVisible();
  await page.getByLabel('Kontoinhaber').fill('Lena Vogt');
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01');
  await page.getByRole('button', { name: 'Speichern und Mandat erteilen' }).click();
  await expect(page.getByText(/^Die Prüfziffern der IBAN stimmen nicht\./)).toBeVisible();
  await page.getByLabel('Kontoinhaber').fill('Lena Vogt');
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
  await page.getByRole('button', { name: 'Speichern und Mandat erteilen' }).click();
  await expect(page.getByText(/Ihr Mandat hat die Referenz K\d+-/)).toBeVisible();
  await expect(page.getByText('DE89 **** **** 3000')).toBeVisible();
  const mandateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Mandat als PDF' }).click();
  const mandate = await mandateDownload;
  expect(mandate.suggestedFilename()).toMatch(/^SEPA-Mandat-K\d+-.*\.pdf$/);
  expect(
    readFileSync(await mandate.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // Sitzungen: a second sign-in elsewhere shows up and can be ended.
  await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'curl/8.5.0' },
    body: JSON.stringify(lena),
  });
  await page.getByRole('link', { name: 'Sitzungen' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByText('Diese Sitzung')).toBeVisible();
  await page.getByRole('button', { name: 'Sitzung auf curl/8.5.0 beenden' }).click();
  await expect(rows).toHaveCount(2);

  // Datenexport: one JSON file with the customer's data.
  await page.getByRole('link', { name: 'Datenexport' }).click();
  const exportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Daten herunterladen' }).click();
  const exported = JSON.parse(readFileSync(await (await exportDownload).path(), 'utf8'));
  expect(exported.profile).toMatchObject({ email: lena.email, address: { street: 'Große Straße 7' } });
  expect(exported.mandates).toHaveLength(1);
  expect(exported.securityLog.length).toBeGreaterThan(0);
  expect(JSON.stringify(exported.emails)).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);

  // Passwort: policy errors in German, then the change.
  await page.getByRole('link', { name: 'Sicherheit', exact: true }).click();
  await page.getByLabel('Aktuelles Passwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Neues Passwort', { exact: true }).fill('qwerty123456');
  await page.getByLabel('Neues Passwort wiederholen').fill('qwerty123456');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(
    page.getByText(/^Dieses Passwort ist zu verbreitet: Es steht in Listen gestohlener Passwörter\./),
  ).toBeVisible();
  await page.getByLabel('Aktuelles Passwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Neues Passwort', { exact: true }).fill(newPassword);
  await page.getByLabel('Neues Passwort wiederholen').fill(newPassword);
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByText('Ihr Passwort wurde geändert.')).toBeVisible();

  // Konto löschen: nothing stands in the way, so: warning, password, checkbox, second confirmation.
  await page.getByRole('link', { name: 'Konto löschen' }).click();
  await expect(page.getByText('Das Löschen kann nicht rückgängig gemacht werden.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Was wir nach dem Löschen noch aufbewahren' })).toBeVisible();
  await expect(page.getByText(/14 Monate nach der letzten Lastschrift/)).toBeVisible();
  await page.getByLabel('Passwort', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Konto löschen …' }).click();
  await expect(page.getByText('Bitte bestätigen Sie dies mit dem Häkchen, bevor Sie fortfahren.')).toBeVisible();
  await page.getByLabel('Ich habe verstanden, dass mein Kundenkonto endgültig gelöscht wird.').check();
  await page.getByRole('button', { name: 'Konto löschen …' }).click();
  await expect(page.getByText('Möchten Sie Ihr Kundenkonto wirklich endgültig löschen?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ja, Konto endgültig löschen' })).toBeFocused();
  await page.getByRole('button', { name: 'Ja, Konto endgültig löschen' }).click();
  await expect(page).toHaveURL(/\/login\?account=deleted$/);
  await expect(page.getByRole('status').filter({ hasText: 'Ihr Kundenkonto ist gelöscht' })).toBeVisible();

  await page.getByLabel('E-Mail-Adresse').fill(lena.email);
  await page.getByLabel('Passwort', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByText('E-Mail-Adresse oder Passwort ist falsch.')).toBeVisible();
});

test('deletion names the contracts and invoices that stand in the way first, and asks for nothing', async ({
  page,
}) => {
  await signIn(page, demo, '/account/delete');
  const blockers = page.getByRole('status').filter({ hasText: 'Ihr Kundenkonto kann noch nicht gelöscht werden' });
  await expect(blockers).toBeVisible();
  await expect(page.getByLabel('Passwort', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Konto löschen …' })).toHaveCount(0);
  await expect(blockers.getByRole('link', { name: /^Laufender Vertrag: / }).first()).toHaveAttribute(
    'href',
    /^\/products\//,
  );
  await expect(blockers.getByRole('link', { name: /^Offene Rechnung / }).first()).toHaveAttribute(
    'href',
    /^\/invoices\//,
  );
  // Nothing happened: the customer is still signed in.
  await page.getByRole('link', { name: 'Kundendaten' }).click();
  await expect(page.getByLabel('Name (Ansprechpartner)')).toHaveValue('Erika Mustermann');
});

test('"Passwort vergessen" on the sign-in page asks for the address and answers the same for anyone', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel('E-Mail-Adresse').fill('unbekannt@example.com');
  await page.getByRole('button', { name: 'Link senden' }).click();
  await expect(page.getByText('Wenn die Adresse zu einem Kundenkonto gehört, ist der Link unterwegs.')).toBeVisible();

  await page.goto('/reset-password?token=abgelaufen');
  await page.getByLabel('Neues Passwort', { exact: true }).fill(newPassword);
  await page.getByLabel('Neues Passwort wiederholen').fill(newPassword);
  await page.getByRole('button', { name: 'Passwort festlegen' }).click();
  await expect(page.getByText('Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Neuen Link anfordern' })).toBeVisible();
});
