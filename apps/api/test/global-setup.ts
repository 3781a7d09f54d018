import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteExtensions } from '../src/db/client';
import { migrationsFolder, runMigrations } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set with TEST_DATABASE_URL: the migrated template on the PostgreSQL server. */
    templateDatabaseUrl: string;
    /** Without it: a dump of a migrated embedded database to start each PGlite from. */
    pgliteDumpPath: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Migrates once per run. With TEST_DATABASE_URL (CI) that is a template database on the real
 * server; without it an embedded database whose dump every test file starts from.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    // Each project (api, api-serial) migrates its own template, possibly in the same millisecond.
    const template = `portal_tpl_${project.name.replace(/\W/g, '_')}_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${template}"`);
    const templateUrl = withDatabase(serverUrl, template);
    const handle = await openDatabase({ databaseUrl: templateUrl, dataDir: '', poolSize: 1 });
    await runMigrations(handle);
    await handle.close();
    project.provide('templateDatabaseUrl', templateUrl);
    project.provide('pgliteDumpPath', '');
    return async () => {
      // Test files drop their own copies; the template goes last.
      await admin.query(`drop database if exists "${template}" with (force)`);
      await admin.end();
    };
  }

  const client = await PGlite.create({ extensions: pgliteExtensions });
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-test-'));
  const dumpPath = path.join(dir, 'migrated.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDatabaseUrl', '');
  project.provide('pgliteDumpPath', dumpPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
