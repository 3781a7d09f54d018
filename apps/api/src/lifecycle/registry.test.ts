import { getTableName, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { dataLifecycles } from './registry';

const ctx = useTestApp();

/**
 * References to `users` that never point at a customer: announcements are written by staff only.
 * Each entry says why; anything else that references users or customers must be registered.
 */
const STAFF_ONLY_REFERENCES = new Set(['announcements']);

describe('data lifecycle registry', () => {
  it('has a registration for every table with a foreign key to users or customers', async () => {
    const result = (await ctx.db.execute(sql`
      select distinct source.relname as table_name
      from pg_constraint c
      join pg_class source on source.oid = c.conrelid
      join pg_class target on target.oid = c.confrelid
      join pg_namespace n on n.oid = source.relnamespace
      where c.contype = 'f' and target.relname in ('users', 'customers') and n.nspname = 'public'`)) as unknown as {
      rows: Array<{ table_name: string }>;
    };
    const referencing = [...new Set(result.rows.map((row) => row.table_name))];
    expect(referencing.length).toBeGreaterThan(5);
    const registered = new Set(dataLifecycles.flatMap((entry) => entry.tables.map((table) => getTableName(table))));
    const missing = referencing.filter((table) => !registered.has(table) && !STAFF_ONLY_REFERENCES.has(table));
    expect(missing, 'tables referencing users or customers without a data lifecycle registration').toEqual([]);
  });

  it('registers each table once, under one module', () => {
    const names = dataLifecycles.flatMap((entry) => entry.tables.map((table) => getTableName(table)));
    expect(names.length).toBe(new Set(names).size);
    expect(new Set(dataLifecycles.map((entry) => entry.module)).size).toBe(dataLifecycles.length);
  });
});
