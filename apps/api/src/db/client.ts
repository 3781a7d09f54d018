import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index';

/** What the embedded database loads: the migrations create the same extensions on PostgreSQL. */
export const pgliteExtensions = { pg_trgm };

/** The one database type the repositories see, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction is a Database too, so repositories take either. */
export type DbOrTx = Database;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Where a PostgreSQL database is, for connections outside the pool (LISTEN); none for PGlite. */
  connectionString?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Tests start embedded databases from a migrated dump instead of migrating each one. */
  pgliteLoadDataDir?: Blob;
  /** Keep the embedded database in memory instead of DATA_DIR. */
  inMemory?: boolean;
  /** Give up on a connection (or a free pool slot) after this long, so requests fail fast while the server is away. */
  connectTimeoutMs?: number;
  /** Give up on a query whose answer does not arrive (a silently lost connection); 0: never. */
  queryTimeoutMs?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      keepAlive: true,
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    return {
      db: drizzlePg(pool, { schema }) as unknown as Database,
      kind: 'postgres',
      connectionString: options.databaseUrl,
      close: () => pool.end(),
    };
  }
  let dataDir: string | undefined;
  if (!options.inMemory) {
    dataDir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    extensions: pgliteExtensions,
    ...(dataDir ? { dataDir } : {}),
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
  });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'pglite',
    close: () => client.close(),
  };
}
