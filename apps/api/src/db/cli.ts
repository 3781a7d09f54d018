/** `pnpm db:migrate` and `pnpm db:seed`: the same steps the server takes at start, on demand. */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { seedDemoDataIfEmpty } from './seed/index';

const command = process.argv[2];
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await runMigrations(database);
  console.log(`migrated the ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database`);
  if (command === 'seed') {
    const seeded = await seedDemoDataIfEmpty(database.db);
    console.log(seeded ? 'seeded the demo data' : 'the database already holds accounts; nothing seeded');
  }
} finally {
  await database.close();
}
