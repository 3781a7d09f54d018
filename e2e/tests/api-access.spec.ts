import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { customerIdOf, freshCustomer, issueFreshInvoice, signIn } from '../fixtures';

test('a customer adds a webhook receiver, keeps the secret and sees the issued invoice delivered', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  // The customer's system: a receiver on 127.0.0.1 (allowed outside production).
  const received: Array<{ body: string; signature: string | undefined }> = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ body, signature: request.headers['webhook-signature'] as string | undefined });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/portal-events`;
  try {
    const customer = await freshCustomer(baseURL, 'Webhook GmbH');
    await signIn(page, customer, '/account/api-access');
    await expect(page.getByRole('heading', { level: 2, name: 'API-Zugänge' })).toBeVisible();
    await expect(page.getByText('Noch keine Webhook-Empfänger angelegt.')).toBeVisible();

    await page.getByLabel(/Adresse \(URL\) des Empfängers/).fill(url);
    await page.getByLabel('Antwort auf ein Ticket').uncheck();
    await page.getByRole('button', { name: 'Empfänger anlegen' }).click();
    await expect(page.getByText('Signaturschlüssel – wird nur jetzt angezeigt')).toBeVisible();
    await expect(page.locator('.webhook-secret')).toHaveText(/^whsec_/);
    await expect(page.getByRole('list').getByText(url)).toBeVisible();

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);

    const invoice = await issueFreshInvoice(baseURL, await customerIdOf(baseURL, customer), 'Webhook-Test');
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
      type: 'invoice.issued',
      data: { number: invoice.number },
    });
    expect(received[0]?.signature).toMatch(/^v1,/);

    await page.getByRole('button', { name: 'Zustellungen anzeigen' }).click();
    await expect(page.getByText('Zugestellt')).toBeVisible();
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

test('a customer creates a personal API token, uses it from a script and revokes it', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('no baseURL');
  const customer = await freshCustomer(baseURL, 'Token GmbH');
  await signIn(page, customer, '/account/api-access');
  await expect(page.getByRole('heading', { level: 3, name: 'Persönliche API-Tokens' })).toBeVisible();
  await expect(page.getByText('Sie haben noch keine aktiven Tokens.')).toBeVisible();

  await page.getByLabel(/^Bezeichnung/).fill('Buchhaltung');
  await page.getByLabel('Rechnungen lesen').check();
  await page.getByRole('button', { name: 'Token erstellen' }).click();
  const shown = page.getByTestId('new-api-token');
  await expect(shown).toHaveText(/^pat_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent()) ?? '';
  await expect(page.getByRole('cell', { name: /^Buchhaltung pat_/ })).toBeVisible();

  // The script: the token reads invoices, and nothing its scope does not name.
  const asScript = (path: string) => fetch(`${baseURL}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect((await asScript('/api/v1/invoices')).status).toBe(200);
  const refused = await asScript('/api/v1/tickets');
  expect(refused.status).toBe(403);
  expect((await refused.json()).code).toBe('scope_forbidden');

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  await page.getByRole('button', { name: 'Token „Buchhaltung“ widerrufen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, widerrufen' }).click();
  await expect(page.getByText('Der Token wurde widerrufen.')).toBeVisible();
  await expect(page.getByText('Sie haben noch keine aktiven Tokens.')).toBeVisible();
  expect((await asScript('/api/v1/invoices')).status).toBe(401);
});
