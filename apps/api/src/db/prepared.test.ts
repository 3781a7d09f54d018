import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { createCustomer } from '../../test/factories';
import { preparedFor } from './prepared';
import { customers, users } from './schema/index';

const ctx = useTestApp();

const columns = {
  id: users.id,
  email: users.email,
  staffRole: users.staffRole,
  createdAt: users.createdAt,
  count: sql<number>`(select count(*) from ${users})`.mapWith(Number),
  document: sql<{ a: number }>`json_build_object('a', 1)`,
  named: sql<string>`'x'`.as('named'),
};

const flat = preparedFor((db) =>
  db
    .select(columns)
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('test_prepared_flat'),
);
const nested = preparedFor((db) =>
  db
    .select({ user: { id: users.id }, customer: { number: customers.customerNumber } })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.id))
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('test_prepared_nested'),
);

describe('prepared selects', () => {
  it('map the rows of a flat select with decoders found once, as drizzle maps them', async () => {
    const user = await createCustomer(ctx.db);
    const statement = flat(ctx.db);
    expect((statement as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function');
    const ours = await statement.execute({ id: user.id });
    const drizzles = await ctx.db.select(columns).from(users).where(eq(users.id, user.id));
    expect(ours).toEqual(drizzles);
    expect(ours[0]).toMatchObject({ id: user.id, staffRole: null, document: { a: 1 }, named: 'x' });
    expect(ours[0]?.count).toBeTypeOf('number');
    expect(flat(ctx.db)).toBe(statement);
  });

  it('leave a select with nested objects to drizzle', async () => {
    const user = await createCustomer(ctx.db);
    const statement = nested(ctx.db);
    expect((statement as unknown as { customResultMapper?: unknown }).customResultMapper).toBeUndefined();
    const [row] = await statement.execute({ id: user.id });
    expect(row?.user.id).toBe(user.id);
  });
});
