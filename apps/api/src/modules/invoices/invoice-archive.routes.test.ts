import { createHash } from 'node:crypto';
import type { TInvoice } from '@portal/contracts';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { loadConfig } from '../../config';
import { customers, invoiceDocuments, invoices, outboxEmailAttachments, outboxEmails } from '../../db/schema/index';
import { providerSnapshot } from './invoice-issuing.service';
import { insertInvoice } from './invoices.repository';

const ctx = useTestApp();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const period = { start: '2026-03-01', end: '2026-03-31' };

async function issue(staff: { bearer: { authorization: string } }, payload: object) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/admin/invoices', headers: staff.bearer, payload });
}

describe('documents fixed at issue', () => {
  it('archives PDF and XRechnung in the issuing transaction and serves exactly those bytes', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    expect(invoice.formats).toEqual(['pdf', 'factur-x', 'xrechnung']);
    const [archived] = await ctx.db.select().from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoice.id));
    if (!archived?.xml) throw new Error('nothing archived at issue');
    expect(archived.sha256).toBe(sha256(archived.pdf));
    expect(archived.xmlSha256).toBe(sha256(archived.xml));

    for (const [path, bytes, hash] of [
      ['pdf', archived.pdf, archived.sha256],
      ['xrechnung', archived.xml, archived.xmlSha256],
    ] as const) {
      const url = `/api/v1/invoices/${invoice.id}/${path}`;
      const first = await ctx.app.inject({ url, headers: customer.bearer });
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe(`"${hash}"`);
      expect(first.rawPayload.equals(bytes)).toBe(true);
      expect(first.headers['content-disposition']).toContain(invoice.number);
      const again = await ctx.app.inject({ url, headers: { ...customer.bearer, 'if-none-match': `"${hash}"` } });
      expect(again.statusCode).toBe(304);
    }
    const other = await signedInCustomer(ctx.app, ctx.db);
    const foreign = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/xrechnung`, headers: other.bearer });
    expectProblem(foreign, 404, 'not_found');
  });

  it('the database refuses to change or delete archived documents and invoices within retention', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    await expect(ctx.db.delete(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoice.id))).rejects.toThrow();
    await expect(
      ctx.db.update(invoiceDocuments).set({ sha256: 'x' }).where(eq(invoiceDocuments.invoiceId, invoice.id)),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from invoices where id = ${invoice.id}`)).rejects.toThrow();
    const [still] = await ctx.db.select().from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoice.id));
    expect(still?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the back-fill archives invoices issued before documents were made at issue', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const legacy = await insertInvoice(
      ctx.db,
      {
        customerId: customer.user.id,
        number: 'RE-2019-000001',
        issueDate: '2019-05-01',
        servicePeriodStart: '2019-04-01',
        servicePeriodEnd: '2019-04-30',
        dueDate: '2019-05-15',
        netCents: 10_000,
        taxCents: 1_900,
        grossCents: 11_900,
        taxes: [{ taxRate: 19, net: 10_000, tax: 1_900, gross: 11_900 }],
        billingAddress: {
          name: 'Alt Kunde',
          company: null,
          street: 'Weg 1',
          postalCode: '24937',
          city: 'Flensburg',
          country: 'DE',
          vatId: null,
          customerNumber: customer.user.customerNumber ?? '',
        },
        provider: providerSnapshot(loadConfig().provider),
      },
      [
        {
          position: 1,
          description: 'Rack',
          quantityMilli: 1000,
          unit: 'Monat',
          unitPriceCents: 10_000,
          taxRate: 19,
          netCents: 10_000,
        },
      ],
    );
    expect(await ctx.app.jobs.runDue('invoices.archive-backfill')).toBe(true);
    const [archived] = await ctx.db.select().from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, legacy.id));
    expect(archived?.facturX).toBe(true);
    expect(archived?.xml?.toString()).toContain('<ram:BuyerReference>');
  });
});

describe('VAT derived from the customer', () => {
  it('German 19/7 %, EU consumer at their rate, outside the EU not taxable, reverse charge only once verified', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const lines = [{ description: 'Cloud-Server', quantity: 1, unit: 'Monat', unitPrice: 10_000 }];
    const french = await signedInCustomer(ctx.app, ctx.db, { country: 'FR', customerType: 'consumer', city: 'Paris' });
    const fr = (await issue(staff, { customerId: french.user.id, servicePeriod: period, lines })).json<TInvoice>();
    expect({ treatment: fr.vatTreatment, taxes: fr.taxes }).toEqual({
      treatment: 'eu_consumer',
      taxes: [{ taxRate: 20, net: 10_000, tax: 2_000, gross: 12_000 }],
    });
    const swiss = await signedInCustomer(ctx.app, ctx.db, { country: 'CH', city: 'Zürich' });
    const ch = (await issue(staff, { customerId: swiss.user.id, servicePeriod: period, lines })).json<TInvoice>();
    expect({ treatment: ch.vatTreatment, tax: ch.amounts.tax }).toEqual({ treatment: 'non_eu', tax: 0 });

    const austrian = await signedInCustomer(ctx.app, ctx.db, { country: 'AT', city: 'Wien', vatId: 'ATU12345678' });
    const [before] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(invoices);
    const refused = await issue(staff, {
      customerId: austrian.user.id,
      servicePeriod: period,
      lines: [{ ...lines[0], vatRate: 'reduced', net: 1 }],
    });
    const problem = expectProblem(refused, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual(['customerId']);
    const [after] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(invoices);
    expect(after?.count).toBe(before?.count);

    const verify = (vatId: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/customers/${austrian.user.id}/vat-id-verification`,
        headers: staff.bearer,
        payload: { vatId },
      });
    expectProblem(await verify('ATU99999999'), 409, 'conflict');
    expect((await verify('ATU 1234 5678')).statusCode).toBe(204);
    const [verified] = await ctx.db.select().from(customers).where(eq(customers.id, austrian.user.id));
    expect(verified?.vatIdVerifiedBy).toBe(staff.user.id);
    const at = (await issue(staff, { customerId: austrian.user.id, servicePeriod: period, lines })).json<TInvoice>();
    expect({ treatment: at.vatTreatment, taxes: at.taxes }).toEqual({
      treatment: 'reverse_charge',
      taxes: [{ taxRate: 0, net: 10_000, tax: 0, gross: 10_000 }],
    });
  });

  it('names lines that do not add up and a reduced rate abroad; nothing is issued', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const french = await signedInCustomer(ctx.app, ctx.db, { country: 'FR', customerType: 'consumer' });
    const response = await issue(staff, {
      customerId: french.user.id,
      servicePeriod: period,
      lines: [{ description: 'Buch', quantity: 2, unit: 'Stück', unitPrice: 1_000, vatRate: 'reduced', net: 1_999 }],
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['lines.0.net', 'lines.0.vatRate']);
  });
});

describe('corrections and invoice e-mails', () => {
  it('a paid invoice is credited by a correction invoice; more than is left is refused', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const post = (url: string, payload: object) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: staff.bearer, payload });
    const line = { description: 'Gutschrift', quantity: 1, unit: 'Pauschal', unitPrice: 1_000, taxRate: 19 };
    expectProblem(await post(`/admin/invoices/${invoice.id}/corrections`, { reason: 'x', lines: [line] }), 409);
    await post(`/admin/invoices/${invoice.id}/transfers`, { amount: invoice.amounts.gross, receivedOn: '2026-03-10' });
    const created = await post(`/admin/invoices/${invoice.id}/corrections`, { reason: 'Ausfall', lines: [line] });
    expect(created.statusCode, created.body).toBe(201);
    const correction = created.json<TInvoice>();
    expect(correction).toMatchObject({ kind: 'correction', correctsInvoiceId: invoice.id });
    expect(correction.amounts).toEqual({ net: -1_000, tax: -190, gross: -1_190 });
    expect(correction.number).not.toBe(invoice.number);
    const tooMuch = await post(`/admin/invoices/${invoice.id}/corrections`, {
      reason: 'zu viel',
      lines: [{ ...line, unitPrice: invoice.amounts.net }],
    });
    expectProblem(tooMuch, 400, 'validation_failed');
  });

  it('sends invoices as the customer chose: invoice address, PDF and XRechnung attached', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const save = (payload: object) =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/account/invoice-settings', headers: customer.bearer, payload });
    const settings = {
      delivery: 'email_pdf_xrechnung',
      invoiceEmail: 'buchhaltung@example.com',
      leitwegId: '04011000-12345-04',
      customerType: 'business',
    };
    expect(expectProblem(await save(settings), 400).errors?.map((error) => error.path)).toEqual(['leitwegId']);
    expect((await save({ ...settings, leitwegId: '04011000-12345-03' })).statusCode).toBe(200);
    const invoice = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const [mail] = await ctx.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'buchhaltung@example.com'));
    if (!mail) throw new Error('no invoice e-mail');
    const files = await ctx.db.select().from(outboxEmailAttachments).where(eq(outboxEmailAttachments.emailId, mail.id));
    expect(files.map((file) => file.filename).sort()).toEqual([
      `${invoice.number}-xrechnung.xml`,
      `${invoice.number}.pdf`,
    ]);
    const [archived] = await ctx.db.select().from(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, invoice.id));
    expect(
      files.find((file) => file.contentType === 'application/pdf')?.content.equals(archived?.pdf ?? Buffer.alloc(0)),
    ).toBe(true);
    const xml = await ctx.app.inject({ url: `/api/v1/invoices/${invoice.id}/xrechnung`, headers: customer.bearer });
    expect(xml.body).toContain('<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>');
  });
});
