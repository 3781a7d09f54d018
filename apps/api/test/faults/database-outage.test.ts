/**
 * The database goes away while requests run: the API answers 503 problem+json quickly, and
 * serves again soon after the database returns — the same process, no restart. Runs on a private
 * PostgreSQL cluster of its own, never the shared server.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { runMigrations } from '../../src/db/migrate';
import { createCustomer, TEST_PASSWORD } from '../factories';
import { type ApiProcess, runApi, waitFor } from '../scale-out.helpers';
import { freePort, privatePostgresAvailable, startPrivatePostgres } from './private-postgres';

interface Observed {
  path: string;
  startedAt: number;
  ms: number;
  status: number;
  contentType: string;
  code?: string;
}

let cluster: Awaited<ReturnType<typeof startPrivatePostgres>>;
let api: ApiProcess;
let base: string;
let bearer: { authorization: string };

const CONNECT_TIMEOUT_MS = 500;
const QUERY_TIMEOUT_MS = 30_000;

async function timed(path: string, init: RequestInit = {}): Promise<Observed> {
  const startedAt = Date.now();
  const response = await fetch(`${base}${path}`, { ...init, headers: { ...bearer, ...init.headers } });
  const contentType = response.headers.get('content-type') ?? '';
  const body = contentType.includes('json') ? ((await response.json()) as { code?: string }) : undefined;
  if (!body) await response.arrayBuffer();
  return {
    path,
    startedAt,
    ms: Date.now() - startedAt,
    status: response.status,
    contentType,
    ...(body?.code ? { code: body.code } : {}),
  };
}

function expectUnavailable(observed: Observed) {
  expect(observed, JSON.stringify(observed)).toMatchObject({ status: 503, code: 'service_unavailable' });
  expect(observed.contentType).toContain('application/problem+json');
  // Answered by the connect timeout, not held until the query timeout: a factor of 60 between the
  // two, so the bound tells the mechanisms apart, not a fast machine from a slow one.
  expect(observed.ms, `${observed.path} took ${observed.ms} ms`).toBeLessThan(QUERY_TIMEOUT_MS / 2);
}

describe.skipIf(!privatePostgresAvailable)('PostgreSQL stops while requests run', () => {
  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    const handle = await openDatabase({ databaseUrl: cluster.url, dataDir: '', poolSize: 2 });
    await runMigrations(handle);
    const user = await createCustomer(handle.db);
    await handle.close();

    const port = await freePort();
    base = `http://127.0.0.1:${port}/api/v1`;
    api = runApi('server', [], {
      NODE_ENV: 'production',
      PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: cluster.url,
      DATABASE_POOL_SIZE: '4',
      JWT_SECRET: 'fault-test-secret-fault-test-secret-0123456789',
      MFA_ENCRYPTION_KEY: 'fault-test-mfa-key-7d1c9b2e4f6a8035e1d3',
      LOG_LEVEL: 'warn',
      MIGRATE_ON_START: 'false',
      WEB_DIST_DIR: '',
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
    });
    await waitFor('the API', async () => (await fetch(`${base}/health/ready`)).ok, 50_000);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD, tokenDelivery: 'bearer' }),
    });
    expect(login.status).toBe(200);
    bearer = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  }, 90_000);

  afterAll(async () => {
    api?.child.kill('SIGKILL');
    await cluster?.destroy();
  });

  it('answers 503 problem+json within 2 s, and serves again within 10 s after the database returns', async () => {
    const observed: Observed[] = [];
    let running = true;
    const paths = ['/me', '/invoices', '/tickets'];
    // Three clients keep asking throughout the outage.
    const clients = paths.map(async (path) => {
      while (running) observed.push(await timed(path));
    });
    onTestFinished(() => {
      running = false;
    });
    await waitFor(
      'answers before the outage',
      async () => observed.filter((entry) => entry.status === 200).length > 30,
    );

    await cluster.stop();
    const stoppedAt = Date.now();
    expectUnavailable(await timed('/me'));
    expectUnavailable(await timed('/invoices'));
    expectUnavailable(await timed('/health/ready'));
    expectUnavailable(
      await timed('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'someone@example.com', password: 'whatever it is' }),
      }),
    );
    // Liveness needs no database: an orchestrator must not restart the instance for an outage.
    expect((await timed('/health')).status).toBe(200);
    await waitFor(
      'more answers during the outage',
      async () => observed.filter((e) => e.startedAt > stoppedAt).length > 30,
    );

    const restartingAt = Date.now();
    await cluster.start();
    // The pool reconnects by itself: no restart, no manual step.
    await waitFor('the API to serve again', async () => (await timed('/me')).status === 200, 60_000, 100);
    running = false;
    await Promise.all(clients);

    for (const path of paths) expect((await timed(path)).status).toBe(200);
    // Every answer, before, during and after: a success or a quick 503, never an internal error.
    for (const entry of observed) {
      if (entry.status === 200) continue;
      expectUnavailable(entry);
    }
    const duringOutage = observed.filter(
      (entry) => entry.startedAt > stoppedAt && entry.startedAt + entry.ms < restartingAt,
    );
    expect(duringOutage.length).toBeGreaterThan(30);
    expect(duringOutage.every((entry) => entry.status === 503)).toBe(true);
    // The same process served throughout.
    expect(api.child.exitCode).toBeNull();
  }, 60_000);
});
