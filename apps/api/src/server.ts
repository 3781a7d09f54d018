import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { type AppConfig, ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { pendingMigrations, runMigrations } from './db/migrate';
import { seedDemoDataIfEmpty } from './db/seed/index';
import { createPdfRenderer } from './pdf/pdf-renderer';

class StartupError extends Error {}

/** METRICS_PORT: /metrics without a token on a port that only the monitoring network reaches. */
function listenForMetrics(app: FastifyInstance, config: AppConfig): Promise<Server> | undefined {
  if (!config.METRICS_PORT) return undefined;
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    app.metrics.render().then(
      (body) => response.writeHead(200, { 'content-type': app.metrics.contentType }).end(body),
      (error) => {
        app.log.error({ err: error }, 'collecting metrics failed');
        response.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.METRICS_PORT, config.HOST, () => resolve(server));
  });
}

async function main() {
  // A local .env file is a convenience for development; deployments set real variables.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  });
  if (config.MIGRATE_ON_START) {
    await runMigrations(database);
  } else {
    // Production migrates in a step of its own; new code must not serve an older schema.
    const pending = await pendingMigrations(database);
    if (pending.length > 0) {
      await database.close();
      throw new StartupError(
        `The database lacks migrations ${pending.join(', ')}: run the migrate step first (node dist/cli.js migrate).`,
      );
    }
  }
  // Demo data fills an empty embedded database only; a configured server is seeded by `pnpm db:seed`.
  if (database.kind === 'pglite' && config.SEED_DEMO_DATA) {
    const renderer = createPdfRenderer({ executablePath: config.CHROMIUM_PATH, poolSize: config.PDF_POOL_SIZE });
    try {
      await seedDemoDataIfEmpty(database.db, { renderer });
    } finally {
      await renderer.close();
    }
  }

  const app = await buildApp({ config, database, closeDatabaseWithApp: true });
  let metricsServer: Server | undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests, jobs and PDF renders in flight');
    const deadline = setTimeout(() => {
      app.log.error({ timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    deadline.unref();
    try {
      // Kept-alive connections (a reverse proxy's) turn idle as their last answer goes out; close
      // them then instead of waiting for the client's keep-alive timeout.
      setInterval(() => app.server.closeIdleConnections(), 100).unref();
      // Jobs first: no new runs start, running ones (which may render PDFs) finish.
      await app.jobs.stop();
      // close() stops accepting connections, answers 503 to new requests on kept-alive ones and
      // waits for the requests in flight; then the PDF renderer and the database pool close.
      await app.close();
      metricsServer?.close();
      app.log.info('shut down');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ host: config.HOST, port: config.PORT });
    metricsServer = await listenForMetrics(app, config);
  } catch (error) {
    // A taken port (say): close what is open — the embedded database, the PDF renderer — and say
    // so in one line instead of a stack.
    await app.close().catch(() => {});
    throw new StartupError(`Cannot listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`);
  }
  app.jobs.start();
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
