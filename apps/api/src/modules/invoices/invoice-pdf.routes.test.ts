import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';

const ctx = useTestApp({ PROVIDER_VAT_ID: 'DE999888777', PROVIDER_NAME: 'Nordwind Test GmbH' });

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

// A local server that records every request a rendered document might make.
const hits: string[] = [];
const trap = createServer((request, response) => {
  hits.push(request.url ?? '');
  response.end('x');
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())));

describe('GET /invoices/:id/pdf', () => {
  it('renders everything §14 UStG asks for, archives it and serves the same bytes with an ETag', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db, { company: 'Müller & Söhne KG', vatId: 'DE123123123' });
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, {
      issueDate: '2026-04-01',
      dueDate: '2026-04-15',
      servicePeriod: { start: '2026-04-01', end: '2026-04-30' },
    });
    const url = `/api/v1/invoices/${invoice.id}/pdf`;
    const first = await ctx.app.inject({ url, headers: customer.bearer });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(`inline; filename="${invoice.number}.pdf"`);
    const text = await textOf(first.rawPayload);
    for (const expected of [
      invoice.number,
      '01.04.2026', // issue date
      '30.04.2026', // end of the service period
      '15.04.2026', // due date
      'DE999888777', // provider VAT ID
      'DE123123123', // customer VAT ID
      'Müller & Söhne KG',
      'Nordwind Test GmbH',
      '98,00 €', // 2 × 49.00
      '127,50 €', // 1.5 h × 85.00
      '225,50 €', // net
      '42,85 €', // 19 % tax
      '268,35 €', // gross
      'Umsatzsteuer 19 %',
      'GiroCode',
    ]) {
      expect(text).toContain(expected);
    }

    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const second = await ctx.app.inject({ url, headers: customer.bearer });
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers.etag).toBe(etag);
    const cached = await ctx.app.inject({ url, headers: { ...customer.bearer, 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
  });

  it('a short invoice is one page; every page of a long one carries "Seite x von y" and the legal footer', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const pagesOf = async (lines?: NonNullable<Parameters<typeof issueInvoiceFor>[3]>['lines']) => {
      const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, lines ? { lines } : {});
      const response = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/pdf`, headers: customer.bearer });
      expect(response.statusCode, response.body).toBe(200);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(response.rawPayload)));
      return text.map((page) => page.replace(/\s+/g, ' '));
    };
    const footer = ['Nordwind Test GmbH', 'Geschäftsführung', 'USt-IdNr.: DE999888777', 'Steuernummer', 'IBAN', 'BIC'];

    // A colocation customer's month: rack, space, servers, cross-connect, addresses, an hour of
    // remote hands — with the transfer request and its GiroCode, on one page.
    const short = await pagesOf(
      [
        'Rack B-07',
        'Colocation 4 HE – Halle A, Platz 12',
        'Cloud-Server M „web-01“',
        'Cross-Connect zu DE-CIX',
        'IPv4-Netz 198.51.100.0/28',
        'Remote Hands: Festplattentausch',
      ].map((description) => ({
        description: `${description} – Vertrag V-100001`,
        quantity: 1,
        unit: 'Monat',
        unitPrice: 8900,
      })),
    );
    expect(short).toHaveLength(1);
    for (const expected of ['Seite 1 von 1', 'GiroCode', ...footer]) expect(short[0]).toContain(expected);

    const long = await pagesOf(
      Array.from({ length: 45 }, (_, index) => ({
        description: `Colocation 1 HE – Platz ${index + 1}`,
        quantity: 1,
        unit: 'Monat',
        unitPrice: 49,
      })),
    );
    expect(long.length).toBeGreaterThan(1);
    long.forEach((page, index) => {
      for (const expected of [`Seite ${index + 1} von ${long.length}`, ...footer])
        expect(page, `page ${index + 1}`).toContain(expected);
    });
  });

  it('customer data cannot fetch a URL or run script in the renderer', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const attack = `<img src="${base}/img"><link rel="stylesheet" href="${base}/css"><script>fetch('${base}/script')</script>`;
    const customer = await signedInCustomer(ctx.app, ctx.db, { company: attack, name: `<iframe src="${base}/frame">` });
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id, {
      lines: [
        { description: `<object data="${base}/object"></object>`, quantity: 1, unit: 'x', unitPrice: 100, taxRate: 19 },
      ],
    });
    const response = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/pdf`, headers: customer.bearer });
    expect(response.statusCode).toBe(200);
    // Escaped, the markup is printed as text instead of being interpreted.
    expect(await textOf(response.rawPayload)).toContain(`<img src="${base}/img">`);
    expect(hits).toEqual([]);
  });

  it('answers 404 for another customer and an unknown invoice', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      url: `/api/v1/invoices/${customer.user.id}/pdf`,
      headers: customer.bearer,
    });
    expectProblem(response, 404, 'not_found');
  });
});
