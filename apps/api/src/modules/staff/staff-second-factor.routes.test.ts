import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInStaff } from '../../../test/factories';
import { enrolTotp } from '../../../test/mfa';

const ctx = useTestApp({ STAFF_SECOND_FACTOR: 'required' });

describe('staff must use a second factor (STAFF_SECOND_FACTOR=required, the production default)', () => {
  it('answers a staff member without an authenticator app only on their own settings, until they set one up', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: staff.bearer });
    expect(me.json()).toMatchObject({ role: 'staff', secondFactorSetupRequired: true });
    expectProblem(
      await ctx.app.inject({ url: '/api/v1/admin/customers', headers: staff.bearer }),
      403,
      'second_factor_required',
    );

    await enrolTotp(ctx.app, staff, new Date());
    expect((await ctx.app.inject({ url: '/api/v1/admin/customers', headers: staff.bearer })).statusCode).toBe(200);
    const after = await ctx.app.inject({ url: '/api/v1/me', headers: staff.bearer });
    expect(after.json()).toMatchObject({ secondFactorSetupRequired: false });
  });
});
