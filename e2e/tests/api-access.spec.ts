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
