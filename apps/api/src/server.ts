import { existsSync } from 'node:fs';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { seedDemoDataIfEmpty } from './db/seed/index';
import { startOutboxSender } from './mail/outbox-sender';

async function main() {
  // A local .env file is a convenience for development; deployments set real variables.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await runMigrations(database);
  // Demo data fills an empty embedded database only; a configured server is seeded by `pnpm db:seed`.
  if (database.kind === 'pglite' && config.SEED_DEMO_DATA) await seedDemoDataIfEmpty(database.db);

  const app = await buildApp({ config, database, closeDatabaseWithApp: true });
  const sender = config.SMTP_URL
    ? startOutboxSender({ db: database.db, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log: app.log })
    : undefined;

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    sender?.stop();
    await app.jobs.stop();
    // close() stops accepting connections and waits for the requests in flight.
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.HOST, port: config.PORT });
  app.jobs.start();
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
