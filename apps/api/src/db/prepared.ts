import type { DbOrTx } from './client';

/**
 * A prepared statement (drizzle's `.prepare(name)`) per database handle: its SQL is built once
 * instead of on every call (≈ 250 µs of CPU per query, #19), and PostgreSQL parses it once per
 * connection. A transaction is a handle of its own and gets its own copy, under the same name.
 */
export function preparedFor<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const statements = new WeakMap<DbOrTx, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
