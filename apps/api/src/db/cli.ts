/**
 * The portal's database commands, also the production `migrate` step (`node dist/cli.js migrate`):
 *   migrate  apply pending migrations (safe to run while instances serve, and concurrently)
 *   status   list pending migrations; exit code 3 while some are pending
 *   seed     migrate, then fill an empty database with the demo data
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config';
import { createPdfRenderer } from '../pdf/pdf-renderer';
import { openDatabase } from './client';
import { pendingMigrations, runMigrations } from './migrate';
import { seedDemoDataIfEmpty } from './seed/index';

const command = process.argv[2] ?? 'migrate';
if (!['migrate', 'status', 'seed'].includes(command)) {
  console.error(`unknown command "${command}"; use migrate, status or seed`);
  process.exit(2);
}
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
const target = database.kind === 'postgres' ? 'PostgreSQL' : 'embedded';
try {
  if (command === 'status') {
    const pending = await pendingMigrations(database);
    console.log(pending.length ? `pending migrations: ${pending.join(', ')}` : 'the database is up to date');
    process.exitCode = pending.length ? 3 : 0;
  } else {
    const pending = await pendingMigrations(database);
    const started = Date.now();
    await runMigrations(database);
    console.log(`migrated the ${target} database (${pending.length} pending before, ${Date.now() - started} ms)`);
    if (command === 'seed') {
      // Demo invoices are issued like real ones, with their PDF and XRechnung archived.
      const renderer = createPdfRenderer({ executablePath: config.CHROMIUM_PATH, poolSize: config.PDF_POOL_SIZE });
      const seeded = await seedDemoDataIfEmpty(database.db, { renderer }).finally(() => renderer.close());
      console.log(seeded ? 'seeded the demo data' : 'the database already holds accounts; nothing seeded');
    }
  }
} finally {
  await database.close();
}
