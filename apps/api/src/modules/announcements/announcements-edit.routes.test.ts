import type { TAdminAnnouncement } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createCatalogItem, createProduct } from '../../../test/product-factories';
import { asCustomerId } from '../customers/customer-id';

const ctx = useTestApp();

const announcement = {
  severity: 'maintenance',
  title: { de: 'Wartung Halle A', en: 'Maintenance hall A' },
  body: { de: 'Am Samstag.', en: 'On Saturday.' },
};
const unknown = '00000000-0000-4000-8000-000000000000';
type Bearer = { authorization: string };

const create = async (bearer: Bearer, payload: object) => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/admin/announcements',
    headers: bearer,
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TAdminAnnouncement>();
};
const edit = (bearer: Bearer, id: string, payload: object) =>
  ctx.app.inject({ method: 'PUT', url: `/api/v1/admin/announcements/${id}`, headers: bearer, payload });
const overviewTitles = async (bearer: Bearer) => {
  const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: bearer });
  return overview.json().announcements.map((entry: { title: { de: string } }) => entry.title.de) as string[];
};

describe('PUT /admin/announcements/:id', () => {
  it('edits a shown announcement: new text, last day and audience; it keeps its start; audit log before and after', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const rackCustomer = await signedInCustomer(ctx.app, ctx.db);
    const otherCustomer = await signedInCustomer(ctx.app, ctx.db);
    await createProduct(ctx.db, asCustomerId(rackCustomer.user.id), {
      catalogId: (await createCatalogItem(ctx.db, { kind: 'rack' })).id,
    });
    const shown = await create(support.bearer, announcement);
    const title = { de: `Wartung Halle B ${Date.now()}`, en: 'Maintenance hall B' };

    const response = await edit(support.bearer, shown.id, {
      ...announcement,
      severity: 'incident',
      title,
      body: { de: 'Am <b>Sonntag</b>.', en: 'On Sunday.' },
      visibleUntil: '2099-12-31',
      audienceCategory: 'rack',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TAdminAnnouncement>()).toEqual({
      id: shown.id,
      severity: 'incident',
      title,
      body: { de: 'Am <b>Sonntag</b>.', en: 'On Sunday.' },
      publishedAt: shown.publishedAt,
      visibleUntil: '2099-12-31',
      audienceCategory: 'rack',
    });
    expect(await overviewTitles(rackCustomer.bearer)).toContain(title.de);
    expect(await overviewTitles(otherCustomer.bearer)).not.toContain(title.de);

    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const audit = await ctx.app.inject({
      url: `/api/v1/admin/audit-events?staffUserId=${support.user.id}`,
      headers: admin.bearer,
    });
    expect(audit.json().items[0]).toMatchObject({
      action: 'updateAnnouncement',
      subjectId: shown.id,
      before: { title: announcement.title, audienceCategory: null },
      after: { title, audienceCategory: 'rack', visibleUntil: '2099-12-31' },
    });
  });

  it('moves a scheduled one to a later day or shows it at once; a shown one moved ahead waits again', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const title = { de: `Geplant ${Date.now()}`, en: 'Planned' };
    const scheduled = await create(support.bearer, { ...announcement, title, visibleFrom: '2099-06-01' });
    expect(await overviewTitles(customer.bearer)).not.toContain(title.de);

    const later = await edit(support.bearer, scheduled.id, { ...announcement, title, visibleFrom: '2099-07-01' });
    expect(later.json<TAdminAnnouncement>().publishedAt).toBe('2099-06-30T22:00:00.000Z');
    const now = await edit(support.bearer, scheduled.id, { ...announcement, title });
    expect(new Date(now.json<TAdminAnnouncement>().publishedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await overviewTitles(customer.bearer)).toContain(title.de);
    const again = await edit(support.bearer, scheduled.id, { ...announcement, title, visibleFrom: '2099-01-01' });
    expect(again.json<TAdminAnnouncement>().publishedAt).toBe('2098-12-31T23:00:00.000Z');
    expect(await overviewTitles(customer.bearer)).not.toContain(title.de);
  });

  it('validates as creating does, refuses an expired one (409), unknown ids (404), billing and customers (403)', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const shown = await create(support.bearer, announcement);

    const missing = expectProblem(
      await edit(support.bearer, shown.id, { ...announcement, title: { de: 'Nur deutsch', en: ' ' } }),
      400,
      'validation_failed',
    ) as { errors?: Array<{ path: string }> };
    expect(missing.errors?.map((error) => error.path)).toEqual(['title.en']);
    const backwards = expectProblem(
      await edit(support.bearer, shown.id, { ...announcement, visibleFrom: '2099-06-10', visibleUntil: '2099-06-01' }),
      400,
      'validation_failed',
    ) as { errors?: Array<{ path: string }> };
    expect(backwards.errors?.[0]?.path).toBe('visibleUntil');

    const expired = await create(support.bearer, { ...announcement, visibleUntil: '2020-01-31' });
    expectProblem(await edit(support.bearer, expired.id, announcement), 409, 'conflict');
    expectProblem(await edit(support.bearer, unknown, announcement), 404, 'not_found');
    for (const who of [billing, customer])
      expectProblem(await edit(who.bearer, shown.id, announcement), 403, 'forbidden');
    const listed = await ctx.app.inject({ url: '/api/v1/admin/announcements?limit=100', headers: support.bearer });
    expect(listed.json().items).toContainEqual(expect.objectContaining({ id: shown.id, title: announcement.title }));
  });
});
