import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer } from '../../../test/factories';

const ctx = useTestApp();

const address = { street: 'Hafenstraße 5', postalCode: '24937', city: 'Flensburg', country: 'DE' };
const profile = { name: 'Jana Petersen', company: 'Petersen IT GmbH', address, phone: '+49 461 1234' };
const bank = { accountHolder: 'Petersen IT GmbH', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' };

describe('ETag, If-None-Match and If-Match', () => {
  it('answers a GET with an ETag and 304 for the version the client holds', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const url = '/api/v1/account/profile';
    const first = await ctx.app.inject({ url, headers: customer.bearer });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const cached = await ctx.app.inject({ url, headers: { ...customer.bearer, 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    const stale = await ctx.app.inject({ url, headers: { ...customer.bearer, 'if-none-match': 'W/"older"' } });
    expect(stale.statusCode).toBe(200);
  });

  it('saves a profile for the current version, refuses a stale one with 412', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const url = '/api/v1/account/profile';
    const put = (ifMatch: string, payload: object) =>
      ctx.app.inject({ method: 'PUT', url, headers: { ...customer.bearer, 'if-match': ifMatch }, payload });
    const version = String((await ctx.app.inject({ url, headers: customer.bearer })).headers.etag);

    const saved = await put(version, profile);
    expect(saved.statusCode, saved.body).toBe(200);
    const newVersion = String(saved.headers.etag);
    expect(newVersion).not.toBe(version);
    expect(String((await ctx.app.inject({ url, headers: customer.bearer })).headers.etag)).toBe(newVersion);

    expectProblem(await put(version, { ...profile, name: 'Zu spät' }), 412, 'precondition_failed');
    const read = await ctx.app.inject({ url, headers: customer.bearer });
    expect(read.json().name).toBe('Jana Petersen');
    expect((await put(newVersion, { ...profile, name: 'Jana P.' })).statusCode).toBe(200);
  });

  it('guards bank data the same way; If-Match while none is stored is 412', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const url = '/api/v1/account/bank-account';
    const put = (ifMatch: string, payload: object) =>
      ctx.app.inject({ method: 'PUT', url, headers: { ...customer.bearer, 'if-match': ifMatch }, payload });
    expectProblem(await put('*', bank), 412, 'precondition_failed');
    const first = await ctx.app.inject({ method: 'PUT', url, headers: customer.bearer, payload: bank });
    expect(first.statusCode).toBe(200);
    const version = String(first.headers.etag);
    expect((await put(version, { ...bank, accountHolder: 'Jana Petersen' })).statusCode).toBe(200);
    expectProblem(await put(version, bank), 412, 'precondition_failed');
  });

  it('documents ETag, If-None-Match, If-Match and 412', async () => {
    const document = (await ctx.app.inject({ url: '/api/v1/openapi.json' })).json();
    const get = document.paths['/api/v1/invoices/{id}'].get;
    expect(get.parameters.map((parameter: { name: string }) => parameter.name)).toContain('if-none-match');
    expect(Object.keys(get.responses['200'].headers)).toContain('etag');
    expect(get.responses['304']).toBeDefined();
    const put = document.paths['/api/v1/account/profile'].put;
    expect(put.parameters.map((parameter: { name: string }) => parameter.name)).toContain('if-match');
    expect(put.responses['412'].content['application/problem+json']).toBeDefined();
    expect(Object.keys(put.responses['200'].headers)).toContain('etag');
  });
});
