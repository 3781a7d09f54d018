import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';

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
