import { expect, test } from '@playwright/test';
import { expectData, idempotencyKey } from '@portal/sdk';
import {
  apiAs,
  asStaff,
  customerIdOf,
  DEMO_PASSWORD,
  demo,
  expectNoViolations,
  issueFreshInvoice,
  signIn,
} from '../fixtures';

/** The seed's staff members, one per role (ADR 0022). */
const support = { email: 'support@example.com', password: DEMO_PASSWORD };
const billing = { email: 'billing@example.com', password: DEMO_PASSWORD };
const admin = { email: 'admin@example.com', password: DEMO_PASSWORD };

async function bearer(baseURL: string, account: { email: string; password: string }) {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, tokenDelivery: 'bearer' }),
  });
  expect(response.status).toBe(200);
  return { authorization: `Bearer ${((await response.json()) as { accessToken: string }).accessToken}` };
}

test('support answers a customer’s ticket in the back office; the customer sees the answer, never the note', async ({
  page,
  browser,
  baseURL,
}) => {
  // A whole journey through two browsers with several accessibility scans: a limit that fits it,
  // as the other back-office journeys have.
  test.setTimeout(90_000);
  const subject = `Backoffice-Test ${Date.now()}`;
  const customer = await apiAs(baseURL ?? '', demo);
  const { id: ticketId } = expectData(
    await customer.POST('/api/v1/tickets', {
      params: { header: idempotencyKey() },
      body: { subject, category: 'technical', message: 'Der Server cs-001 antwortet nicht.' },
    }),
  );

  // Staff land in the back office, on the queue.
  await signIn(page, support);
  await expect(page).toHaveURL(/\/backoffice$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ticket-Warteschlange' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Backoffice-Navigation' })).not.toContainText('Mitarbeitende');
  await page.getByLabel('Suche').fill(subject);
  await expect(page.getByRole('row')).toHaveCount(2);
  await expectNoViolations(page);
  await page.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page).toHaveURL(new RegExp(`/backoffice/tickets/${ticketId}$`));
  await expect(page.getByText('Der Server cs-001 antwortet nicht.')).toBeVisible();
  await expectNoViolations(page);

  await page.getByRole('button', { name: 'Mir zuweisen' }).click();
  await expect(page.getByTestId('assignee')).toHaveText('Sven Support');
  await page.getByLabel('Neue Notiz').fill('Intern: Kunde hat Wartungsfenster am Freitag.');
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(page.getByText('Intern: Kunde hat Wartungsfenster am Freitag.')).toBeVisible();

  // A reply without text names the field; then the answer goes out.
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByLabel('Antwort an den Kunden')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Antwort an den Kunden').fill('Wir haben den Server neu gestartet. Bitte prüfen Sie.');
  // The answer's file goes as a multipart/form-data part (ADR 0025b).
  await page.getByLabel('Dateien auswählen').setInputFiles({
    name: 'neustart-protokoll.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('08:12 cs-001 neu gestartet\n'),
  });
  await page.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(page.getByText('Die Antwort wurde gesendet; der Kunde erhält eine E-Mail.')).toBeVisible();

  // The customer sees the answer in the portal, and nothing of the internal note.
  const context = await browser.newContext({ locale: 'de-DE' });
  const portal = await context.newPage();
  await signIn(portal, demo, `/contact/tickets/${ticketId}`);
  await expect(portal.getByText('Wir haben den Server neu gestartet. Bitte prüfen Sie.')).toBeVisible();
  await expect(portal.getByRole('button', { name: /neustart-protokoll\.txt herunterladen/ })).toBeVisible();
  await expect(portal.getByRole('main')).not.toContainText('Wartungsfenster');
  await context.close();
});

test('billing lands at the collections, stops the dunning of an overdue invoice from the overview, does not see the staff screen, and the API refuses it too', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // An overdue invoice of the journey's own customer (paid by transfer, so no debit holds dunning back).
  const created = await asStaff(baseURL ?? '', '/admin/customers', {
    email: `e2e-dunning-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    name: 'Kai Kiebitz',
    company: `Kiebitz ${Date.now()} GmbH`,
    address: { street: 'Norderstraße 40', postalCode: '24939', city: 'Flensburg', country: 'DE' },
    customerType: 'business',
  });
  expect(created.status).toBe(201);
  const issued = await asStaff(baseURL ?? '', '/admin/invoices', {
    customerId: ((await created.json()) as { id: string }).id,
    issueDate: '2026-03-01',
    dueDate: '2026-03-15',
    servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
    lines: [{ description: 'Colocation 1 HE', quantity: 1, unit: 'Monat', unitPrice: 4_900 }],
    directDebit: false,
  });
  expect(issued.status).toBe(201);
  const invoice = (await issued.json()) as { number: string };

  await signIn(page, billing);
  await expect(page).toHaveURL(/\/backoffice\/collections$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Zahlungsverkehr' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Lastschriftläufe' })).toBeVisible();
  await expectNoViolations(page);

  const dunning = page.getByRole('region', { name: 'Mahnwesen' });
  await dunning.getByLabel('Suche', { exact: true }).fill(invoice.number);
  const row = dunning.getByRole('row').filter({ hasText: invoice.number });
  await expect(row).toContainText('Keine Mahnung');
  await row.getByRole('button', { name: `Mahnstopp setzen: Rechnung ${invoice.number}` }).click();
  const dialog = page.getByRole('dialog', { name: `Mahnstopp für Rechnung ${invoice.number} setzen?` });
  await dialog.getByLabel('Grund').fill('Reklamation der Leistung');
  await dialog.getByRole('button', { name: 'Mahnstopp setzen', exact: true }).click();
  await expect(dunning.getByText(`Für Rechnung ${invoice.number} gilt jetzt ein Mahnstopp.`)).toBeVisible();
  await expect(row.getByText('Gestoppt', { exact: true })).toBeVisible();
  await expect(row).toContainText('Reklamation der Leistung');
  await expect(row).toContainText('Angehalten');
  await expect(row.getByRole('button', { name: `Mahnstopp aufheben: Rechnung ${invoice.number}` })).toBeVisible();
  await dunning.getByRole('combobox', { name: /^Mahnstopp/ }).selectOption({ label: 'Mit Mahnstopp' });
  await expect(row).toBeVisible();
  await expectNoViolations(page);
  const navigation = page.getByRole('navigation', { name: 'Backoffice-Navigation' });
  await expect(navigation).toBeVisible();
  await expect(navigation).not.toContainText('Mitarbeitende');
  await page.goto('/backoffice/staff');
  await expect(page.getByText('Diese Seite ist Ihrer Rolle nicht freigegeben.')).toBeVisible();
  const answer = await fetch(`${baseURL}/api/v1/admin/staff-users`, { headers: await bearer(baseURL ?? '', billing) });
  expect(answer.status).toBe(403);
});

test('a customer who opens the back office is sent to the portal', async ({ page }) => {
  await signIn(page, demo, '/backoffice');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
});

test('an admin changes a staff member’s role, and the audit log shows it', async ({ page, baseURL }) => {
  const email = `neu-${Date.now()}@example.com`;
  const name = `Nora Neu ${Date.now()}`;
  const invited = await fetch(`${baseURL}/api/v1/admin/staff-users`, {
    method: 'POST',
    headers: { ...(await bearer(baseURL ?? '', admin)), 'content-type': 'application/json' },
    body: JSON.stringify({ email, name, staffRole: 'support' }),
  });
  expect(invited.status).toBe(201);

  await signIn(page, admin);
  await page
    .getByRole('navigation', { name: 'Backoffice-Navigation' })
    .getByRole('link', { name: 'Mitarbeitende' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitarbeitende' })).toBeVisible();
  await expectNoViolations(page);
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByLabel(`Rolle von ${name}`).selectOption({ label: 'Buchhaltung' });
  await row.getByRole('button', { name: 'Rolle ändern' }).click();
  await expect(row.getByText(`Die Rolle von ${name} wurde geändert.`)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Backoffice-Navigation' })
    .getByRole('link', { name: 'Protokoll' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll der Änderungen' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'setStaffRole' }).first()).toContainText('staffRole: support');
  await expectNoViolations(page);
});

test('support finds a customer by e-mail address and sees contracts, invoices and tickets', async ({ page }) => {
  await signIn(page, support);
  await page.getByRole('navigation', { name: 'Backoffice-Navigation' }).getByRole('link', { name: 'Kunden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kunden' })).toBeVisible();
  await page.getByLabel('Kunden suchen').fill('demo@example.com');
  const row = page.getByRole('row').filter({ hasText: 'demo@example.com' });
  await expect(page.getByRole('row')).toHaveCount(2);
  await expectNoViolations(page);
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mustermann Hosting GmbH' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verträge' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rechnungen' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tickets' }).getByRole('link').first()).toBeVisible();
  await expectNoViolations(page);
});

test('support reviews a declaration from the cancellation form and rejects it with a reason', async ({
  page,
  baseURL,
}) => {
  const name = `Erika Prüffall ${Date.now()}`;
  const declared = await fetch(`${baseURL}/api/v1/public/cancellations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'ordinary', name, email: `pruef-${Date.now()}@example.org`, contract: 'V-999999' }),
  });
  expect(declared.status).toBe(202);
  const { reference } = (await declared.json()) as { reference: string };

  await signIn(page, support);
  const navigation = page.getByRole('navigation', { name: 'Backoffice-Navigation' });
  await navigation.getByRole('link', { name: 'Kündigungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kündigungserklärungen' })).toBeVisible();
  // The matching job takes the declaration from "received" to review within seconds.
  const card = page.getByRole('region', { name: `${reference} · ${name}` });
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectNoViolations(page);
  await card.getByLabel('Ablehnungsgrund (geht an den Absender)').fill('Zu diesem Vertrag finden wir keinen Kunden.');
  await card.getByRole('button', { name: 'Ablehnen' }).click();
  await expect(
    page.getByText('Die Erklärung wurde abgelehnt; der Absender erhält den Grund per E-Mail.'),
  ).toBeVisible();
});

test.describe('at 768 px, in English and dark', () => {
  test.use({ viewport: { width: 768, height: 1000 }, colorScheme: 'dark' });
  test('an admin reads the queue, the staff and the audit log', async ({ page }) => {
    // Eight pages, each checked by axe: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    await signIn(page, admin);
    // This browser's choice: switching with the button would save English to the shared admin.
    await page.evaluate(() => window.localStorage.setItem('portal.language', 'en'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket queue' })).toBeVisible();
    await expectNoViolations(page);
    const navigation = page.getByRole('navigation', { name: 'Back office navigation' });
    for (const [link, heading] of [
      ['Staff', 'Staff'],
      ['Audit log', 'Audit log'],
      ['Customers', 'Customers'],
      ['Cancellations', 'Cancellation declarations'],
      ['Collections', 'Collections'],
      ['Contracts', 'Contracts'],
      ['Announcements', 'Announcements'],
    ] as const) {
      await navigation.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoViolations(page);
    }
  });
});

test('billing stops the dunning of a customer’s invoice and cancels it', async ({ page, baseURL }) => {
  const invoice = await issueFreshInvoice(baseURL ?? '', await customerIdOf(baseURL ?? ''), `Backoffice ${Date.now()}`);
  await signIn(page, billing);
  await page.getByRole('navigation', { name: 'Backoffice-Navigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Kunden suchen').fill('demo@example.com');
  await page.getByRole('row').filter({ hasText: 'demo@example.com' }).getByRole('link').click();
  const actions = page.getByRole('region', { name: 'Rechnung bearbeiten' });
  await expect(actions).toBeVisible();
  await expectNoViolations(page);

  const dunning = actions.locator('form').filter({ has: page.getByRole('heading', { name: 'Mahnstopp' }) });
  await dunning.getByLabel('Rechnung').selectOption({ label: invoice.number });
  await dunning.getByLabel('Grund').fill('Kunde hat Ratenzahlung vereinbart.');
  await dunning.getByRole('button', { name: 'Mahnstopp setzen' }).click();
  await expect(page.getByText('Für diese Rechnung gehen keine Mahnungen mehr hinaus')).toBeVisible();

  const cancel = actions.locator('form').filter({ has: page.getByRole('heading', { name: 'Rechnung stornieren' }) });
  await cancel.getByLabel('Rechnung').selectOption({ label: invoice.number });
  await cancel.getByLabel('Grund').fill('Doppelt berechnet.');
  await cancel.getByRole('button', { name: 'Stornieren' }).click();
  await expect(page.getByText(/Die Stornorechnung .+ wurde erstellt\./)).toBeVisible();
});
