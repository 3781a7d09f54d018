import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer } from '../../../test/factories';
import { findEmailsTo } from '../../mail/outbox.repository';
import { findActiveMandate, listMandates } from './bank-account.repository';

const ctx = useTestApp();
const bank = { accountHolder: 'Petersen IT GmbH', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' };

describe('GET/PUT /account/bank-account', () => {
  it('answers 404 before any bank data is stored', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(await ctx.app.inject({ url: '/api/v1/account/bank-account', headers: customer.bearer }), 404);
  });

  it('issues a mandate with a unique reference and the creditor id, shows the IBAN masked', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/bank-account',
      headers: customer.bearer,
      payload: bank,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body).toMatchObject({
      accountHolder: bank.accountHolder,
      ibanMasked: 'DE89 **** **** 3000',
      bic: 'COBADEFFXXX',
    });
    expect(body.mandate.creditorId).toBe(ctx.config.provider.creditorId);
    expect(body.mandate.reference).toMatch(new RegExp(`^K${customer.user.customerNumber}-\\d{4}-[0-9A-F]{10}$`));
    expect(JSON.stringify(body)).not.toContain('0532013000');
    const read = await ctx.app.inject({ url: '/api/v1/account/bank-account', headers: customer.bearer });
    expect(read.json()).toEqual(body);
    expect((await findActiveMandate(ctx.db, customer.user.id))?.iban).toBe('DE89370400440532013000');
    expect((await findEmailsTo(ctx.db, customer.user.email))[0]?.template).toBe('account.mandate.issued');
  });

  it('replacing bank data revokes the previous mandate', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const put = (payload: object) =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/account/bank-account', headers: customer.bearer, payload });
    const first = (await put(bank)).json();
    const second = (await put({ accountHolder: 'Jana Petersen', iban: 'AT611904300234573201' })).json();
    expect(second.mandate.reference).not.toBe(first.mandate.reference);
    expect(second.bic).toBeNull();
    const mandates = await listMandates(ctx.db, customer.user.id);
    expect(mandates).toHaveLength(2);
    expect(mandates.find((mandate) => mandate.id === first.mandate.id)?.revokedAt).not.toBeNull();
    expect((await findActiveMandate(ctx.db, customer.user.id))?.id).toBe(second.mandate.id);
  });

  it('names invalid IBAN and BIC', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const put = (payload: object) =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/account/bank-account', headers: customer.bearer, payload });
    const checksum = expectProblem(await put({ ...bank, iban: 'DE89370400440532013001' }), 400, 'validation_failed');
    expect(checksum.errors).toEqual([
      { path: 'iban', code: 'ibanChecksum', message: 'has wrong check digits (typo?)' },
    ]);
    const both = expectProblem(await put({ ...bank, iban: 'DE8937040044053201300', bic: 'NOTABIC' }), 400);
    expect(both.errors?.map((error) => error.path)).toEqual(['iban', 'bic']);
    const mismatch = expectProblem(await put({ ...bank, iban: 'AT611904300234573201' }), 400);
    expect(mismatch.errors?.[0]).toMatchObject({ path: 'bic' });
    expectProblem(await put({ ...bank, accountHolder: '' }), 400);
    expect(await findActiveMandate(ctx.db, customer.user.id)).toBeUndefined();
  });

  it('answers 401 without a session', async () => {
    expectProblem(await ctx.app.inject({ url: '/api/v1/account/bank-account' }), 401);
    expectProblem(await ctx.app.inject({ method: 'PUT', url: '/api/v1/account/bank-account', payload: bank }), 401);
  });
});

describe('GET /account/mandates/:id/pdf', () => {
  it("renders the customer's mandate and answers 404 to another customer", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const saved = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/account/bank-account',
      headers: customer.bearer,
      payload: bank,
    });
    const url = `/api/v1/account/mandates/${saved.json().mandate.id}/pdf`;
    const pdf = await ctx.app.inject({ url, headers: customer.bearer });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const stranger = await signedInCustomer(ctx.app, ctx.db);
    expectProblem(await ctx.app.inject({ url, headers: stranger.bearer }), 404, 'not_found');
    expectProblem(await ctx.app.inject({ url }), 401);
  });
});
