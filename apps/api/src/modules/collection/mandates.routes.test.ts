import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { customerWithMandate } from '../../../test/collection-factories';
import { signedInStaff } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { directDebits, sepaMandates } from '../../db/schema/index';
import { retentionPeriods } from '../../lib/retention-periods';
import { findEmailsTo } from '../../mail/outbox.repository';
import { invoiceDocument } from '../invoices/invoice-document';
import { findInvoice } from '../invoices/invoices.repository';
import { collectionLifecycle } from './collection.lifecycle';
import { expireUnusedMandates, mandateExpiryCutoff } from './mandate-expiry';

const ctx = useTestApp();

describe('mandates by the rules', () => {
  it('a mandate unused for 36 months expires, and the customer is told', async () => {
    const customer = await customerWithMandate(ctx.app, ctx.db);
    await ctx.db
      .update(sepaMandates)
      .set({ signedAt: new Date('2023-01-10T10:00:00Z') })
      .where(eq(sepaMandates.id, customer.mandate.id));
    expect(mandateExpiryCutoff(new Date('2026-12-02T00:00:00Z')).toISOString().slice(0, 10)).toBe('2023-12-02');
    await expireUnusedMandates(ctx.db, new Date('2025-12-01T00:00:00Z'));
    const [still] = await ctx.db.select().from(sepaMandates).where(eq(sepaMandates.id, customer.mandate.id));
    expect(still?.revokedAt).toBeNull();
    expect(await expireUnusedMandates(ctx.db, new Date('2026-12-02T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    const [expired] = await ctx.db.select().from(sepaMandates).where(eq(sepaMandates.id, customer.mandate.id));
    expect(expired?.revokedAt).not.toBeNull();
    const subjects = (await findEmailsTo(ctx.db, customer.user.email)).map((mail) => mail.subject);
    expect(subjects).toContain('Ihr SEPA-Lastschriftmandat ist erloschen');
  });

  it('the invoice PDF carries the pre-notification: amount, date, mandate reference, creditor id', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    const issued = await issueInvoiceFor(ctx.app, staff, customer.user.id);
    const invoice = await findInvoice(ctx.db, customer.user.id, issued.id);
    if (!invoice) throw new Error('invoice missing');
    const document = (await invoiceDocument(invoice, invoice.lines)).value;
    expect(document).toContain('Vorabankündigung');
    expect(document).toContain(customer.mandate.reference);
    expect(document).toContain('DE98ZZZ09999999999');
    expect(document).toMatch(/268,35\s€/);
    expect(document).toContain('15.03.2099');
  });

  it("keeps a deleted customer's debits 14 months after the mandate's end and the last collection, then purges them", async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await customerWithMandate(ctx.app, ctx.db);
    await issueInvoiceFor(ctx.app, staff, customer.user.id);
    await ctx.db
      .update(sepaMandates)
      .set({ revokedAt: new Date('2026-12-01T00:00:00Z') })
      .where(eq(sepaMandates.id, customer.mandate.id));
    const periods = retentionPeriods(3);
    const count = async () =>
      (await ctx.db.select().from(directDebits).where(eq(directDebits.customerId, customer.user.id))).length;
    await collectionLifecycle.purge?.(ctx.db, { now: new Date('2027-12-01T00:00:00Z'), periods });
    expect(await count()).toBe(1);
    expect(await collectionLifecycle.retains?.(ctx.db, customer.user.id)).toBe(true);
    await collectionLifecycle.purge?.(ctx.db, { now: new Date('2028-02-15T00:00:00Z'), periods });
    expect(await count()).toBe(0);
  });
});
