import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildApp } from '../src/app';
import { type AppConfig, loadConfig } from '../src/config';
import type { Database, DatabaseHandle } from '../src/db/client';
import { openTestDatabase } from './database';
import { watchResponses } from './response-conformance';

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  database: DatabaseHandle;
  config: AppConfig;
}

/** Test configuration: quiet, and limits high enough that only throttling tests meet them. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    GLOBAL_RATE_LIMIT_PER_MINUTE: '1000000',
    PASSWORD_HASHES_PER_SECOND: '10000',
    // Tests change rows directly and ask the same app at once; a change reaches the session cache
    // through NOTIFY a moment later. The cache is tested on its own (session-cache.routes.test.ts,
    // scale-out.test.ts) and serves every e2e journey.
    SESSION_CACHE_SECONDS: '0',
    ...overrides,
  });
}

/**
 * One app on one fresh database for the whole test file. Tests make their own data with the
 * factories, so nothing depends on the order they run in.
 */
export function useTestApp(overrides: Record<string, string> = {}, options: { now?: () => Date } = {}): TestContext {
  const context = {} as TestContext;
  let close: () => Promise<void> = async () => {};
  let watcher: ReturnType<typeof watchResponses> | undefined;
  beforeAll(async () => {
    const database = await openTestDatabase();
    const config = testConfig(overrides);
    const app = await buildApp({ config, database, logger: false, ...(options.now ? { now: options.now } : {}) });
    watcher = watchResponses(app);
    await app.ready();
    Object.assign(context, { app, db: database.db, database, config });
    close = async () => {
      await app.close();
      await database.close();
    };
  });
  // Every answer of the test just run, against the served document (not the zod contracts).
  afterEach(async () => {
    expect(await watcher?.check(), 'answers that differ from /api/v1/openapi.json').toEqual([]);
  });
  afterAll(() => close());
  return context;
}
