import { Column, is, SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';

/** What drizzle's prepared query of a select keeps about its columns (PgPreparedQuery's own fields). */
interface SelectedField {
  path: string[];
  field: unknown;
}
interface PreparedSelect {
  fields?: SelectedField[];
  customResultMapper?: (rows: unknown[][]) => unknown;
}
interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/**
 * A mapper of a flat select's rows (arrays, as drizzle asks the driver for them) with each
 * column's decoder found once: drizzle's own `mapResultRow` asks `is(field, Column)` and
 * `is(field, SQL)` for every column of every row, ≈ 12 % of the CPU of a list of 25 (#19).
 * Undefined where the select is not flat (nested paths, joins), which drizzle then maps itself.
 */
export function flatRowMapper(fields: SelectedField[] | undefined): ((rows: unknown[][]) => object[]) | undefined {
  if (!fields?.length || fields.some(({ path }) => path.length !== 1)) return undefined;
  const keys = fields.map(({ path }) => path[0] as string);
  const decoders: Decoder[] = [];
  for (const { field } of fields) {
    if (is(field, Column)) decoders.push(field);
    else if (is(field, SQL)) decoders.push((field as unknown as { decoder: Decoder }).decoder);
    else if (is(field, SQL.Aliased)) decoders.push((field.sql as unknown as { decoder: Decoder }).decoder);
    else return undefined;
  }
  return (rows) =>
    rows.map((row) => {
      const result: Record<string, unknown> = {};
      for (let index = 0; index < keys.length; index++) {
        const value = row[index];
        result[keys[index] as string] = value === null ? null : (decoders[index] as Decoder).mapFromDriverValue(value);
      }
      return result;
    });
}

/**
 * A prepared statement (drizzle's `.prepare(name)`) per database handle: its SQL is built once
 * instead of on every call (≈ 250 µs of CPU per query, #19), and PostgreSQL parses it once per
 * connection. A transaction is a handle of its own and gets its own copy, under the same name.
 * A flat select's rows are mapped by `flatRowMapper` (drizzle's hook for a custom result
 * mapper; should a later drizzle ignore it, it maps the rows itself, as before).
 */
export function preparedFor<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const statements = new WeakMap<DbOrTx, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      const select = statement as PreparedSelect;
      const mapper = select.customResultMapper ? undefined : flatRowMapper(select.fields);
      if (mapper) select.customResultMapper = mapper;
      statements.set(db, statement);
    }
    return statement;
  };
}
