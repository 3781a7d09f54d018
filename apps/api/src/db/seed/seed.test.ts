import type { TInvoiceSummary } from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signIn } from '../../../test/factories';
import { DEMO_PASSWORD } from './accounts';
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
});
