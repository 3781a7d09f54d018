import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { DatabaseHandle } from './client';

/** Beside this file in the sources, beside the bundle in dist/ (the build copies it). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any constant; every migrator of this portal takes the same session-level advisory lock. */
const MIGRATION_LOCK_KEY = 7_311_042_017;

function poolOf(handle: DatabaseHandle): pg.Pool {
  return (handle.db as unknown as { $client: pg.Pool }).$client;
}

/**
 * Applies the pending migrations. On a server, several migrators (two `migrate` containers, or
 * instances migrating at start) queue on one advisory lock; each then sees what the one before
 * applied and has nothing left to do. Lock and migrations share one connection, so a pool of one
 * is enough and the lock ends with the connection if the process dies.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = await poolOf(handle).connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

interface JournalEntry {
  tag: string;
  when: number;
}

/**
 * The migrations this build knows that the database has not applied yet (drizzle records the
 * newest applied migration's timestamp). A server started with MIGRATE_ON_START=false refuses to
 * serve an older schema than its code expects.
 */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: JournalEntry[];
  };
  let last = 0;
  try {
    const rows = await handle.db.execute<{ last: string | null }>(
      sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    const value = (rows as unknown as { rows?: Array<{ last: string | null }> }).rows?.[0]?.last;
    last = value ? Number(value) : 0;
  } catch (error) {
    // No migrations table yet: nothing was ever applied.
    const failure = error as { code?: string; cause?: { code?: string } };
    const code = failure.code ?? failure.cause?.code;
    if (code !== '42P01' && code !== '3F000') throw error;
  }
  return journal.entries.filter((entry) => entry.when > last).map((entry) => entry.tag);
}
