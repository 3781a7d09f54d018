import type { TInvoice } from '@portal/contracts';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app';
import { embeddedFiles, validateEInvoices, xmpOf } from '../../../../test/einvoice-validator';
import { signedInCustomer, signedInStaff } from '../../../../test/factories';
import { issueInvoiceFor } from '../../../../test/invoice-factories';
import { customers } from '../../../db/schema/index';

const ctx = useTestApp();

/**
 * Every kind of document the portal issues, made through the API as staff and customers would,
 * then checked with the official rules (CEN EN 16931 + KoSIT XRechnung CIUS): the XRechnung as
 * downloaded, and the XML embedded in the Factur-X PDF with the EN 16931 rules.
 */
describe('e-invoices pass the official rules', () => {
  const xrechnungs: Record<string, Buffer> = {};
  const facturX: Record<string, Buffer> = {};
  const pdfs: Record<string, Buffer> = {};

  async function download(invoice: TInvoice, bearer: { authorization: string }, name: string) {
    const xml = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/xrechnung`, headers: bearer });
    expect(xml.statusCode, xml.body).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.headers['content-disposition']).toContain(invoice.number);
    xrechnungs[name] = xml.rawPayload;
    const pdf = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/pdf`, headers: bearer });
    expect(pdf.statusCode).toBe(200);
    pdfs[name] = pdf.rawPayload;
    const embedded = (await embeddedFiles(pdf.rawPayload))['factur-x.xml'];
    if (!embedded) throw new Error(`${name}: the PDF carries no factur-x.xml`);
    facturX[name] = embedded;
  }

  beforeAll(async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const post = (url: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: staff.bearer, payload });

    const german = await signedInCustomer(ctx.app, ctx.db, { vatId: 'DE111222333', leitwegId: '04011000-12345-03' });
    const ordinary = await issueInvoiceFor(ctx.app, staff, german.user.id);
    await download(ordinary, german.bearer, 'ordinary');

    const rates = await issueInvoiceFor(ctx.app, staff, german.user.id, {
      lines: [
        { description: 'Rack 42 HE', quantity: 1, unit: 'Monat', unitPrice: 89_000 },
        { description: 'Fachbuch Rechenzentrumsbetrieb', quantity: 2, unit: 'Stück', unitPrice: 3_999, taxRate: 7 },
      ],
    });
    await download(rates, german.bearer, 'several-rates');

    const toCancel = await issueInvoiceFor(ctx.app, staff, german.user.id);
    const cancelled = await post(`/admin/invoices/${toCancel.id}/cancellation`, { reason: 'Doppelt berechnet' });
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    await download(cancelled.json<TInvoice>(), german.bearer, 'cancellation');

    const toCorrect = await issueInvoiceFor(ctx.app, staff, german.user.id);
    const paid = await post(`/admin/invoices/${toCorrect.id}/transfers`, {
      amount: toCorrect.amounts.gross,
      receivedOn: '2026-03-10',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const corrected = await post(`/admin/invoices/${toCorrect.id}/corrections`, {
      reason: 'Ausfall am 3. März',
      lines: [{ description: 'Gutschrift Ausfall', quantity: 1, unit: 'Pauschal', unitPrice: 2_000, taxRate: 19 }],
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    await download(corrected.json<TInvoice>(), german.bearer, 'correction');

    const austrian = await signedInCustomer(ctx.app, ctx.db, {
      country: 'AT',
      city: 'Wien',
      postalCode: '1010',
      vatId: 'ATU12345678',
    });
    await ctx.db.update(customers).set({ vatIdVerifiedAt: sql`now()` }).where(eq(customers.id, austrian.user.id));
    const reverseCharge = await issueInvoiceFor(ctx.app, staff, austrian.user.id);
    expect(reverseCharge.vatTreatment).toBe('reverse_charge');
    await download(reverseCharge, austrian.bearer, 'reverse-charge');

    // An EU consumer pays their country's rate; Finland's 25.5 % has a decimal (BT-119, BT-152).
    const finnish = await signedInCustomer(ctx.app, ctx.db, {
      country: 'FI',
      city: 'Helsinki',
      postalCode: '00100',
      company: null,
      customerType: 'consumer',
      vatId: null,
    });
    const euConsumer = await issueInvoiceFor(ctx.app, staff, finnish.user.id);
    expect(euConsumer.vatTreatment).toBe('eu_consumer');
    expect(euConsumer.taxes.map((row) => row.taxRate)).toEqual([25.5]);
    await download(euConsumer, finnish.bearer, 'eu-consumer');

    const debtor = await signedInCustomer(ctx.app, ctx.db);
    const bank = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/bank-account',
      headers: debtor.bearer,
      payload: { accountHolder: 'Test GmbH', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
    });
    expect(bank.statusCode, bank.body).toBe(200);
    const debit = await issueInvoiceFor(ctx.app, staff, debtor.user.id, { directDebit: true });
    await download(debit, debtor.bearer, 'direct-debit');

    const long = await issueInvoiceFor(ctx.app, staff, german.user.id, {
      lines: Array.from({ length: 60 }, (_, index) => ({
        description: `Cloud-Server CX-${index + 1} (4 vCPU, 16 GB RAM), Rechenzentrum Enge-Sande`,
        quantity: 1 + (index % 3),
        unit: 'Monat',
        unitPrice: 1_990 + index,
      })),
    });
    await download(long, german.bearer, 'many-lines');
  }, 600_000);

  it('the XRechnung of every kind: 0 errors under EN 16931 and the XRechnung CIUS', () => {
    const results = validateEInvoices(xrechnungs);
    expect(results.map((result) => result.file).sort()).toEqual(Object.keys(xrechnungs).sort());
    for (const result of results)
      expect({ file: result.file, errors: result.errors }).toEqual({ file: result.file, errors: [] });
  }, 300_000);

  it('the Factur-X XML inside every PDF: 0 errors under EN 16931; the PDF declares PDF/A-3', async () => {
    const results = validateEInvoices(facturX, true);
    expect(results).toHaveLength(Object.keys(facturX).length);
    for (const result of results)
      expect({ file: result.file, errors: result.errors }).toEqual({ file: result.file, errors: [] });
    for (const pdf of Object.values(pdfs)) {
      const xmp = await xmpOf(pdf);
      expect(xmp).toMatch(/pdfaid:part(>|=")3/);
      expect(xmp).toContain('factur-x.xml');
    }
  }, 300_000);

  it('the rules catch a broken total (the validator can fail)', () => {
    const broken = (xrechnungs.ordinary ?? Buffer.alloc(0))
      .toString('utf8')
      .replace(
        /<ram:GrandTotalAmount>([\d.]+)<\/ram:GrandTotalAmount>/,
        '<ram:GrandTotalAmount>1.00</ram:GrandTotalAmount>',
      );
    expect(broken).toContain('<ram:GrandTotalAmount>1.00</ram:GrandTotalAmount>');
    const [result] = validateEInvoices({ broken: Buffer.from(broken) });
    expect(result?.errors.map((error) => error.id)).toContain('BR-CO-15');
  }, 300_000);

  it('BT-10 is the Leitweg-ID when set, else the customer number; credits refer to the original (BT-25)', () => {
    expect(xrechnungs.ordinary?.toString()).toContain('<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>');
    expect(xrechnungs['reverse-charge']?.toString()).toMatch(/<ram:BuyerReference>\d+<\/ram:BuyerReference>/);
    for (const credit of ['cancellation', 'correction']) {
      const xml = xrechnungs[credit]?.toString() ?? '';
      expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
      expect(xml).toContain('<ram:InvoiceReferencedDocument>');
    }
    expect(xrechnungs['reverse-charge']?.toString()).toContain('<ram:CategoryCode>AE</ram:CategoryCode>');
    expect(xrechnungs['direct-debit']?.toString()).toContain('<ram:TypeCode>59</ram:TypeCode>');
  });
});
