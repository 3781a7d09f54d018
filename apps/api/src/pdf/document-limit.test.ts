import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../test/app';
import { expectProblem, type SignedIn, signedInCustomer } from '../../test/factories';
import { sepaMandateDocuments } from '../db/schema/index';
import { AppError } from '../lib/app-error';
import { createCounters } from '../throttling/counters';
import { createDocumentLimit, DOCUMENT_LIMITS } from './document-limit';

const ctx = useTestApp();
const bank = { accountHolder: 'Petersen IT GmbH', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' };

async function customerWithMandate() {
  const customer = await signedInCustomer(ctx.app, ctx.db);
  const saved = await ctx.app.inject({
    method: 'PUT',
    url: '/api/v1/account/bank-account',
    headers: customer.bearer,
    payload: bank,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return { customer, url: `/api/v1/account/mandates/${saved.json().mandate.id}/pdf`, id: saved.json().mandate.id };
}

const download = (url: string, customer: SignedIn) => ctx.app.inject({ url, headers: customer.bearer });

describe('the per-customer document limit', () => {
  it('lets a customer hold at most its share in progress and refuses the rest at once, others unaffected', async () => {
    const limit = createDocumentLimit(createCounters(ctx.db), { concurrent: 2, max: 100, windowMs: 60_000 });
    const releases: Array<() => void> = [];
    const held = () => new Promise<string>((resolve) => releases.push(() => resolve('done')));
    const running = [limit.run('greedy', held), limit.run('greedy', held)];
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    const refused = await limit.run('greedy', held).catch((error: AppError) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).headers['retry-after']).toBe('5');
    const other = limit.run('other', async () => 'served');
    expect(await other).toBe('served');
    for (const release of releases) release();
    expect(await Promise.all(running)).toEqual(['done', 'done']);
    expect(await limit.run('greedy', async () => 'again')).toBe('again');
  });
});

describe('per-customer limits on document routes', () => {
  it('answers a burst of one customer with 429 and Retry-After to that customer only', async () => {
    const greedy = await customerWithMandate();
    const other = await customerWithMandate();
    const burst = Array.from({ length: 24 }, () => download(greedy.url, greedy.customer));
    const meanwhile = download(other.url, other.customer);
    const responses = await Promise.all(burst);
    expect((await meanwhile).statusCode).toBe(200);

    for (const response of responses) {
      expect([200, 429]).toContain(response.statusCode);
      if (response.statusCode === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Nothing left in progress: the next download is served.
    expect((await download(greedy.url, greedy.customer)).statusCode).toBe(200);
  });

  it('counts a customer’s document requests across the window', async () => {
    const { customer, url } = await customerWithMandate();
    for (let i = 0; i < DOCUMENT_LIMITS.max - 1; i++) expect((await download(url, customer)).statusCode).toBe(200);
    const refused = await download(url, customer);
    expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('counts the data export (a JSON download) in the same window', async () => {
    const { customer, url } = await customerWithMandate();
    // Saving the bank data rendered the mandate: one document already counted.
    for (let i = 0; i < DOCUMENT_LIMITS.max - 1; i++) expect((await download(url, customer)).statusCode).toBe(200);
    expectProblem(await download('/api/v1/account/export', customer), 429, 'rate_limited');
  });

  it('archives the mandate PDF at issue and hands out those bytes without rendering again', async () => {
    const { customer, url, id } = await customerWithMandate();
    const [row] = await ctx.db.select().from(sepaMandateDocuments).where(eq(sepaMandateDocuments.mandateId, id));
    expect(row?.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const rendersBefore = ctx.app.pdf.stats().renders;
    const pdf = await download(url, customer);
    expect(pdf.statusCode).toBe(200);
    expect(Buffer.compare(pdf.rawPayload, row?.pdf ?? Buffer.alloc(0))).toBe(0);
    expect(ctx.app.pdf.stats().renders).toBe(rendersBefore);
  });
});
