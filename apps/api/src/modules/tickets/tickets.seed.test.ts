import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signIn } from '../../../test/factories';
import { DEMO_PASSWORD } from '../../db/seed/accounts';
import { seedDemoDataIfEmpty } from '../../db/seed/index';

const ctx = useTestApp();

describe('demo tickets', () => {
  // Seeding renders every contract document and invoice once: a hook's time, not a test's.
  beforeAll(async () => {
    expect(await seedDemoDataIfEmpty(ctx.db, { renderer: ctx.app.pdf })).toBe(true);
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
