import { ZCustomerExport } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer, signedInStaff, TEST_PASSWORD } from '../../../test/factories';
import { issueInvoiceFor } from '../../../test/invoice-factories';
import { createProduct } from '../../../test/product-factories';
import { openTicketAs, PNG_BYTES } from '../../../test/tickets';
import { publicCancellationRequests } from '../../db/schema/index';
import { findEmailsTo } from '../../mail/outbox.repository';
import { storeContractDocuments } from '../products/contract-documents.service';
import { insertCancellation } from '../products/products.repository';

const ctx = useTestApp();
const profile = {
  name: 'Erika Mustermann',
  company: 'Mustermann IT GmbH',
  address: { street: 'Deichweg 4', postalCode: '25813', city: 'Husum', country: 'DE' },
};

/** Fills every table that holds customer data, the way the portal itself does where it can. */
async function customerWithEverything() {
  const customer = await signedInCustomer(ctx.app, ctx.db, { customerType: 'consumer' });
  const id = customer.user.id;
  const staff = await signedInStaff(ctx.app, ctx.db);
  const put = (url: string, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: customer.bearer, payload });

  expect(
    (await put('/account/bank-account', { accountHolder: 'Erika Mustermann', iban: 'DE89370400440532013000' }))
      .statusCode,
  ).toBe(200);
  const product = await createProduct(ctx.db, id, { name: 'Rack B-07' });
  await storeContractDocuments(ctx.db, product, '2025-01-01', [
    { kind: 'order_confirmation', title: 'Auftragsbestätigung', version: 'V-1', pdf: Buffer.from('%PDF-1.7 test') },
  ]);
  await insertCancellation(ctx.db, {
    customerId: id,
    productId: product.id,
    type: 'ordinary',
    effectiveDate: '2026-12-31',
    channel: 'portal',
  });
  // Paid by transfer (the customer's direct debits are covered by modules/collection's tests).
  const invoice = await issueInvoiceFor(ctx.app, staff, id, { directDebit: false });
  const paid = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/admin/invoices/${invoice.id}/transfers`,
    headers: staff.bearer,
    payload: { amount: invoice.amounts.gross, receivedOn: '2026-03-02' },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  await openTicketAs(ctx.app, customer.bearer, {
    attachments: [{ filename: 'screenshot.png', data: PNG_BYTES.toString('base64') }],
  });
  await ctx.db.insert(publicCancellationRequests).values({
    reference: `K-${id.slice(0, 8)}`,
    type: 'ordinary',
    name: 'Erika Mustermann',
    email: customer.user.email,
    contract: 'V-100001',
    status: 'pending_review',
    customerId: id,
  });
  // A reset link, then a change of address: mails to the earlier address stay the customer's.
  await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: customer.user.email } });
  const newEmail = `neu-${id}@example.com`;
  expect(
    (await put('/account/profile', { ...profile, email: newEmail, currentPassword: TEST_PASSWORD })).statusCode,
  ).toBe(200);
  const [confirmation] = await findEmailsTo(ctx.db, newEmail);
  const token = /token=([A-Za-z0-9_-]+)/.exec(confirmation?.textBody ?? '')?.[1] ?? '';
  const confirmed = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/account/email-confirmation',
    payload: { token },
  });
  expect(confirmed.statusCode).toBe(204);
  return { customer, product, invoice, newEmail };
}

describe('GET /account/export', () => {
  it('holds every kind of record under its documented top-level key, and nothing of anyone else', async () => {
    const { customer, product, invoice, newEmail } = await customerWithEverything();
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    await openTicketAs(ctx.app, stranger.bearer, { subject: 'Fremdes Ticket' });

    const response = await ctx.app.inject({ url: '/api/v1/account/export', headers: customer.bearer });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toContain(`kundendaten-${customer.user.customerNumber}.json`);
    const data = ZCustomerExport.parse(response.json());

    expect(Object.keys(response.json())).toEqual(
      expect.arrayContaining([
        'profile',
        'customerType',
        'contracts',
        'invoices',
        'payments',
        'mandates',
        'tickets',
        'emails',
        'sessions',
        'securityLog',
        'publicDeclarations',
        'directDebits',
        'dunningNotices',
        'accountEntries',
        'bankEntries',
      ]),
    );
    expect(data.profile).toMatchObject({ email: newEmail, name: profile.name });
    expect(data.customerType).toBe('consumer');
    expect(data.contracts).toHaveLength(1);
    expect(data.contracts[0]).toMatchObject({ id: product.id, name: 'Rack B-07' });
    expect(data.contracts[0]?.documents[0]).toMatchObject({ version: 'V-1', acceptedOn: '2025-01-01' });
    expect(data.contracts[0]?.cancellation).toMatchObject({ effectiveDate: '2026-12-31' });
    expect(data.invoices.map((entry) => entry.id)).toEqual([invoice.id]);
    expect(data.invoices[0]?.lines.length).toBeGreaterThan(0);
    expect(data.payments).toHaveLength(1);
    expect(data.mandates[0]?.iban).toBe('DE89370400440532013000');
    expect(data.tickets[0]?.messages[0]?.attachments[0]).toMatchObject({ filename: 'screenshot.png', sizeBytes: 16 });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.sessions[0]?.ipAddress).toBeTruthy();
    expect(data.securityLog.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['bank_account.changed', 'email.changed']),
    );
    expect(data.publicDeclarations).toHaveLength(1);
    // Mails to the earlier address belong to the customer too (keyed by customer id).
    const templates = data.emails.map((email) => email.template);
    expect(templates).toEqual(expect.arrayContaining(['account.password.reset', 'account.email-change.done']));
    expect(data.emails.some((email) => email.to === customer.user.email)).toBe(true);

    // No live link: every token in every mail is redacted.
    expect(response.body).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
    expect(response.body).not.toContain('Fremdes Ticket');
    expect(response.body).not.toContain(stranger.user.email);
    expect(response.body).not.toContain('passwordHash');
    // A whole customer's life through the API (four password hashes among it): more than the default time.
  }, 120_000);

  it('is declared as application/json with its schema in the OpenAPI document', async () => {
    const openapi = (await ctx.app.inject({ url: '/api/v1/openapi.json' })).json();
    const content = openapi.paths['/api/v1/account/export'].get.responses['200'].content;
    expect(Object.keys(content)).toEqual(['application/json']);
    expect(JSON.stringify(content['application/json'].schema)).toContain('CustomerExport');
  });
});
