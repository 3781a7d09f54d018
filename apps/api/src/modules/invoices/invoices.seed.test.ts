import type { TInvoiceSummary } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signIn } from '../../../test/factories';
import { DEMO_PASSWORD } from '../../db/seed/accounts';
import { seedDemoDataIfEmpty } from '../../db/seed/index';

const ctx = useTestApp();

describe('demo invoices', () => {
  it('gives the demo customer a year of invoices: two open, one overdue, the rest paid', async () => {
    expect(await seedDemoDataIfEmpty(ctx.db, { renderer: ctx.app.pdf })).toBe(true);
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
});
