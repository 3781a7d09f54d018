import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { users } from '../../db/schema/index';

const ctx = useTestApp();

const setLanguage = (headers: Record<string, string>, language: unknown) =>
  ctx.app.inject({ method: 'PUT', url: '/api/v1/me/language', headers, payload: { language } });
const me = async (headers: Record<string, string>) =>
  (await ctx.app.inject({ url: '/api/v1/me', headers })).json<{ language: string }>();

describe('PUT /me/language', () => {
  it("stores the caller's language, which /me answers from then on", async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    expect((await me(customer.bearer)).language).toBe('de');
    expect((await setLanguage(customer.bearer, 'en')).statusCode).toBe(204);
    expect((await me(customer.bearer)).language).toBe('en');
    expect((await setLanguage(customer.bearer, 'de')).statusCode).toBe(204);
    expect((await me(customer.bearer)).language).toBe('de');
  });

  it('changes only the caller: another user keeps theirs', async () => {
    const caller = await signedInCustomer(ctx.app, ctx.db);
    const other = await signedInCustomer(ctx.app, ctx.db);
    expect((await setLanguage(caller.bearer, 'en')).statusCode).toBe(204);
    expect((await me(other.bearer)).language).toBe('de');
    const [row] = await ctx.db.select({ language: users.language }).from(users).where(eq(users.id, other.user.userId));
    expect(row?.language).toBe('de');
  });

  it('lets staff set theirs too', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    expect((await setLanguage(staff.bearer, 'en')).statusCode).toBe(204);
    expect((await me(staff.bearer)).language).toBe('en');
  });

  it('refuses a language the portal does not speak, naming the field', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const problem = expectProblem(await setLanguage(customer.bearer, 'fr'), 400, 'validation_failed') as unknown as {
      errors: Array<{ path: string }>;
    };
    expect(problem.errors.map((error) => error.path)).toEqual(['language']);
    expect((await me(customer.bearer)).language).toBe('de');
  });

  it('needs a signed-in caller', async () => {
    expectProblem(await setLanguage({}, 'en'), 401);
  });
});
