import type { TInvoice, TInvoiceSummary, TProduct } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signIn } from '../../../test/factories';
import { CONSUMER_DEMO_EMAIL, DEMO_PASSWORD } from './accounts';
import { seedDemoDataIfEmpty } from './index';

const ctx = useTestApp();

/**
 * Seeded once for the file: seeding issues a year of invoices and the contract documents, each
 * rendered by Chromium and archived — about 15 s on a quiet 2-core machine, 45 s under load —
 * so a per-test seed would multiply that. The tests below only read what the seed wrote.
 */
beforeAll(async () => {
  expect(await seedDemoDataIfEmpty(ctx.db, { renderer: ctx.app.pdf })).toBe(true);
}, 180_000);

describe('demo data', () => {
  it('gives the demo customer a year of invoices: two open, one overdue, the rest paid', async () => {
    const demo = await signIn(ctx.app, 'demo@example.com', DEMO_PASSWORD);
    const list = await ctx.app.inject({ url: '/api/v1/invoices?limit=100', headers: demo.bearer });
    const items = list.json<{ items: TInvoiceSummary[] }>().items;
    const count = (status: string) => items.filter((item) => item.status === status).length;
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect({ open: count('open'), overdue: count('overdue') }).toEqual({ open: 2, overdue: 1 });
    expect(count('paid')).toBe(items.length - 3);
    // Numbers follow the issue dates.
    const datesByNumber = [...items].sort((a, b) => a.number.localeCompare(b.number)).map((item) => item.issueDate);
    expect(datesByNumber).toEqual([...datesByNumber].sort());

    const other = await signIn(ctx.app, 'other@example.com', DEMO_PASSWORD);
    const otherItems = (await ctx.app.inject({ url: '/api/v1/invoices', headers: other.bearer })).json().items;
    expect(otherItems.length).toBeGreaterThan(0);
    const foreign = await ctx.app.inject({ url: `/api/v1/invoices/${items[0]?.id}`, headers: other.bearer });
    expect(foreign.statusCode).toBe(404);
  });

  it('gives the demo customer tickets in every state and the second customer one of their own', async () => {
    const demo = await signIn(ctx.app, 'demo@example.com', DEMO_PASSWORD);
    const list = await ctx.app.inject({ url: '/api/v1/tickets', headers: demo.bearer });
    const statuses = list.json().items.map((item: { status: string }) => item.status);
    expect(new Set(statuses)).toEqual(new Set(['open', 'in_progress', 'waiting_for_customer', 'closed']));

    const newest = list.json().items[0];
    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${newest.id}`, headers: demo.bearer });
    const attachment = detail.json().messages[0].attachments[0];
    const download = await ctx.app.inject({
      url: `/api/v1/tickets/${newest.id}/attachments/${attachment.id}`,
      headers: demo.bearer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('Loss%');

    const other = await signIn(ctx.app, 'other@example.com', DEMO_PASSWORD);
    const otherList = await ctx.app.inject({ url: '/api/v1/tickets', headers: other.bearer });
    expect(otherList.json().items).toHaveLength(1);
    const foreign = await ctx.app.inject({ url: `/api/v1/tickets/${newest.id}`, headers: other.bearer });
    expect(foreign.statusCode).toBe(404);
  });

  it('bills every running contract with its product, price and contract number, as the products page shows it', async () => {
    const unitOf = { monthly: 'Monat', quarterly: 'Quartal', yearly: 'Jahr' } as const;
    for (const email of ['demo@example.com', 'other@example.com', CONSUMER_DEMO_EMAIL]) {
      const { bearer } = await signIn(ctx.app, email, DEMO_PASSWORD);
      const products = (await ctx.app.inject({ url: '/api/v1/products?limit=100', headers: bearer })).json<{
        items: TProduct[];
      }>().items;
      const summaries = (await ctx.app.inject({ url: '/api/v1/invoices?limit=100', headers: bearer })).json<{
        items: TInvoiceSummary[];
      }>().items;
      const invoices = await Promise.all(
        summaries.map(async (summary) =>
          (await ctx.app.inject({ url: `/api/v1/invoices/${summary.id}`, headers: bearer })).json<TInvoice>(),
        ),
      );
      const lines = invoices.flatMap((invoice) => invoice.lines);
      const running = products.filter((product) => product.status !== 'ended');
      expect(running.length, email).toBeGreaterThan(0);
      for (const product of running) {
        const billed = lines.filter((line) => line.description.includes(product.contractNumber));
        expect(billed.length, `${email}: ${product.name} is billed`).toBeGreaterThan(0);
        for (const line of billed) {
          expect(line.description).toContain(product.name);
          expect(line.unitPrice).toBe(product.price.amount);
          expect(line.unit).toBe(unitOf[product.price.interval]);
        }
      }
      // Every line names a contract of this customer, or is a one-off service.
      for (const line of lines) {
        const contract = /V-\d+/.exec(line.description)?.[0];
        if (contract) expect(products.map((product) => product.contractNumber)).toContain(contract);
        else expect(line.unit).toBe('Std.');
      }
    }
  });
});
