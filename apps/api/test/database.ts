import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/client';

/**
 * A fresh, migrated database for one test file: a copy of the run's template on the PostgreSQL
 * server (CI), or an embedded PGlite started from the migrated dump.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const templateUrl = inject('templateDatabaseUrl');
  if (!templateUrl) {
    const dump = readFileSync(inject('pgliteDumpPath'));
    return openDatabase({ dataDir: '', inMemory: true, pgliteLoadDataDir: new Blob([dump]) });
  }

  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  // Copies of one template made at the same moment can collide; a short retry settles it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${templateName}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
