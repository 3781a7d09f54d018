import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createCatalogItem, createProduct } from '../../../test/product-factories';
import { asCustomerId } from '../customers/customer-id';

const ctx = useTestApp();

const announcement = {
  severity: 'incident',
  title: { de: 'Störung <b>Netz</b>', en: 'Network <b>outage</b>' },
  body: { de: 'Wir arbeiten daran.', en: 'We are on it.' },
};

describe('POST /admin/announcements', () => {
  it('lets staff publish an announcement that customers see on the overview', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/announcements',
      headers: staff.bearer,
      payload: announcement,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...announcement, visibleUntil: null });

    const customer = await signedInCustomer(ctx.app, ctx.db);
    const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: customer.bearer });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().announcements.map((entry: { id: string }) => entry.id)).toContain(created.json().id);
  });

  it('hides announcements past their last day', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const expired = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/announcements',
      headers: staff.bearer,
      payload: { ...announcement, visibleUntil: '2020-01-31' },
    });
    expect(expired.statusCode).toBe(201);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: customer.bearer });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().announcements.map((entry: { id: string }) => entry.id)).not.toContain(expired.json().id);
  });

  it('answers 403 to a customer and 401 without a session', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const asCustomer = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/announcements',
      headers: customer.bearer,
      payload: announcement,
    });
    expectProblem(asCustomer, 403, 'forbidden');
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/announcements',
      payload: announcement,
    });
    expectProblem(anonymous, 401, 'unauthenticated');
  });

  it('names missing translations', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/admin/announcements',
      headers: staff.bearer,
      payload: { ...announcement, title: { de: 'Nur deutsch' } },
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.[0]?.path).toBe('title.en');
  });
});

describe('back office: scheduling, audience, list and withdrawal of announcements', () => {
  const overviewIds = async (bearer: { authorization: string }) => {
    const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: bearer });
    expect(overview.statusCode).toBe(200);
    return overview.json().announcements.map((entry: { id: string }) => entry.id) as string[];
  };
  const create = (bearer: { authorization: string }, payload: object) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/admin/announcements', headers: bearer, payload });

  it('shows a scheduled one from its first day, and one for a category only to customers with such a contract', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const rackCustomer = await signedInCustomer(ctx.app, ctx.db);
    const otherCustomer = await signedInCustomer(ctx.app, ctx.db);
    const endedCustomer = await signedInCustomer(ctx.app, ctx.db);
    const rack = await createCatalogItem(ctx.db, { kind: 'rack' });
    await createProduct(ctx.db, asCustomerId(rackCustomer.user.id), { catalogId: rack.id });
    await createProduct(ctx.db, asCustomerId(endedCustomer.user.id), { catalogId: rack.id, status: 'ended' });

    const later = await create(support.bearer, { ...announcement, visibleFrom: '2099-06-01' });
    expect(later.statusCode, later.body).toBe(201);
    // Midnight in Berlin (summer time): 22:00 UTC the day before.
    expect(later.json()).toMatchObject({ publishedAt: '2099-05-31T22:00:00.000Z', audienceCategory: null });
    const racks = await create(support.bearer, { ...announcement, audienceCategory: 'rack' });
    expect(racks.statusCode, racks.body).toBe(201);

    expect(await overviewIds(rackCustomer.bearer)).toContain(racks.json().id);
    expect(await overviewIds(otherCustomer.bearer)).not.toContain(racks.json().id);
    expect(await overviewIds(endedCustomer.bearer)).not.toContain(racks.json().id);
    for (const customer of [rackCustomer, otherCustomer]) {
      expect(await overviewIds(customer.bearer)).not.toContain(later.json().id);
    }

    const listed = await ctx.app.inject({ url: '/api/v1/admin/announcements?limit=1', headers: support.bearer });
    expect(listed.statusCode, listed.body).toBe(200);
    // Latest start first: the scheduled one leads.
    expect(listed.json()).toMatchObject({ hasMore: true, items: [{ id: later.json().id }] });
    const next = await ctx.app.inject({
      url: `/api/v1/admin/announcements?limit=1&cursor=${listed.json().nextCursor}`,
      headers: support.bearer,
    });
    expect(next.json().items[0]).toMatchObject({ id: racks.json().id, audienceCategory: 'rack' });
  });

  it('refuses a last day before the first', async () => {
    const support = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const response = await create(support.bearer, {
      ...announcement,
      visibleFrom: '2099-06-10',
      visibleUntil: '2099-06-01',
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.[0]?.path).toBe('visibleUntil');
  });

  it('withdraws an announcement: customers no longer see it, the audit log keeps it', async () => {
    const admin = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const created = await create(admin.bearer, announcement);
    const id = created.json().id;
    expect(await overviewIds(customer.bearer)).toContain(id);
    const url = `/api/v1/admin/announcements/${id}`;
    const deleted = await ctx.app.inject({ method: 'DELETE', url, headers: admin.bearer });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await overviewIds(customer.bearer)).not.toContain(id);
    expectProblem(await ctx.app.inject({ method: 'DELETE', url, headers: admin.bearer }), 404, 'not_found');
    const audit = await ctx.app.inject({ url: '/api/v1/admin/audit-events?limit=5', headers: admin.bearer });
    expect(audit.json().items).toContainEqual(
      expect.objectContaining({
        action: 'deleteAnnouncement',
        subjectId: id,
        before: expect.objectContaining({ title: 'Störung <b>Netz</b>' }),
      }),
    );
  });

  it('lets support and admins in, and refuses billing and customers', async () => {
    const billing = await signedInStaff(ctx.app, ctx.db, { staffRole: 'billing' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    for (const who of [billing, customer]) {
      expectProblem(
        await ctx.app.inject({ url: '/api/v1/admin/announcements', headers: who.bearer }),
        403,
        'forbidden',
      );
      expectProblem(await create(who.bearer, announcement), 403, 'forbidden');
      expectProblem(
        await ctx.app.inject({
          method: 'DELETE',
          url: '/api/v1/admin/announcements/00000000-0000-4000-8000-000000000000',
          headers: who.bearer,
        }),
        403,
        'forbidden',
      );
    }
  });
});
