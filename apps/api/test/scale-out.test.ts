/**
 * Two API processes on one PostgreSQL: what one instance does, the other sees. Runs against the
 * server of TEST_DATABASE_URL (or a local one on the default port) in a database of its own.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { createPortalClient, expectData, idempotencyKey, signIn } from '@portal/sdk';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/client';
import { outboxEmails } from '../src/db/schema/index';
import { sendEmail } from '../src/mail/mailer';
import { passwordChanged } from '../src/mail/templates/account';
import { createCustomer, createStaff, TEST_PASSWORD } from './factories';
import {
  type ApiProcess,
  expectRunning,
  freePorts,
  runApi,
  type SinkMessage,
  startSmtpSink,
  waitFor,
} from './scale-out.helpers';

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** a and b serve throughout; `early` and `stopping` are started by the one case that needs them. */
const PORTS = { a: 0, b: 0, metrics: 0, early: 0, stopping: 0 };
const LOGIN_LIMIT = 8;
const origin = (port: number) => `http://127.0.0.1:${port}`;
const base = (port: number) => `${origin(port)}/api/v1`;

let admin: pg.Client;
let databaseName: string;
let databaseUrl: string;
/** Databases made by single cases, dropped at the end whatever happened. */
const extraDatabases: string[] = [];
let database: DatabaseHandle;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let a: ApiProcess;
let b: ApiProcess;

function serverEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    JWT_SECRET: 'scale-out-secret-scale-out-secret-0123456789',
    MFA_ENCRYPTION_KEY: 'scale-out-mfa-key-4b8d2f6a0c1e3957bd7f',
    // Explicitly, as production allows it: the payment test below goes through the sandbox.
    PAYMENT_PROVIDER: 'sandbox',
    PAYMENT_SANDBOX_SECRET: 'scale-out-sandbox-key-9f8e7d6c5b4a3210',
    // Staff only issue invoices here; their second factor is tested in modules/staff.
    STAFF_SECOND_FACTOR: 'optional',
    LOG_LEVEL: 'info',
    MIGRATE_ON_START: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    JOBS_TICK_SECONDS: '0.3',
    OUTBOX_INTERVAL_SECONDS: '1',
    WEB_DIST_DIR: '',
    ...extra,
  };
}

async function ready(port: number, instance?: ApiProcess) {
  try {
    // Generous: starting from the TypeScript sources takes half a minute on a busy 2-core machine.
    return await waitFor(
      `the instance on ${port}`,
      async () => (await fetch(`${base(port)}/health/ready`)).ok,
      150_000,
    );
  } catch (error) {
    throw new Error(`${String(error)}\n${instance?.output.slice(-20).join('\n') ?? ''}`);
  }
}

async function queryRows<T>(query: SQL): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A URL of a new, empty database on the test server; dropped in afterAll. */
async function freshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database "${name}"`);
  extraDatabases.push(name);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A sign-in sent from another loopback address: the per-address sign-in limit counts each
 * source apart, so a case that exhausts it shares no budget with the others.
 */
function loginFrom(localAddress: string, port: number, email: string, password: string, agent?: Agent) {
  const body = JSON.stringify({ email, password });
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        localAddress,
        port,
        agent,
        path: '/api/v1/auth/login',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A bearer token from a sign-in on that instance, through the SDK as an integrator would. */
async function tokenOf(port: number, email: string) {
  return (await signIn({ baseUrl: origin(port), email, password: TEST_PASSWORD })).accessToken;
}

async function bearerOf(port: number, email: string) {
  return { authorization: `Bearer ${await tokenOf(port, email)}` };
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The scale-out test needs a PostgreSQL server: set TEST_DATABASE_URL (tried ${SERVER_URL}: ${String(error)}).`,
    );
  }
  const ports = await freePorts(5);
  Object.assign(PORTS, { a: ports[0], b: ports[1], metrics: ports[2], early: ports[3], stopping: ports[4] });
  databaseUrl = await freshDatabase('portal_scale');
  databaseName = new URL(databaseUrl).pathname.slice(1);
  sink = await startSmtpSink();
  // The production order: the migrate step, then the instances.
  const migrator = runApi('cli', ['migrate'], serverEnv(PORTS.a));
  expect(await migrator.exited, migrator.output.join('\n')).toBe(0);
  database = await openDatabase({ databaseUrl, dataDir: '', poolSize: 2 });
  a = runApi('server', [], serverEnv(PORTS.a, { METRICS_PORT: String(PORTS.metrics) }));
  b = runApi('server', [], serverEnv(PORTS.b));
  await Promise.all([ready(PORTS.a, a), ready(PORTS.b, b)]);
}, 300_000);

afterAll(async () => {
  for (const instance of [a, b]) instance?.child.kill('SIGKILL');
  await database?.close();
  await sink?.close();
  if (admin) {
    for (const name of extraDatabases) {
      await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {});
    }
    await admin.end();
  }
});

describe('two API instances on one PostgreSQL', () => {
  it('refuses to serve an unmigrated database, then two concurrent migrators apply every migration once', async () => {
    const url = await freshDatabase('portal_scale_fresh');
    const env = {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      JWT_SECRET: 'migrate-step-secret-0123456789abcdef',
      MFA_ENCRYPTION_KEY: 'migrate-step-mfa-key-8c2e4a6f1b3d5079e',
      PROVIDER_CREDITOR_ID: 'DE13ZZZ00000012345',
    };
    const early = runApi('server', [], { ...serverEnv(PORTS.early), DATABASE_URL: url });
    const pendingBefore = runApi('cli', ['status'], env);
    expect(await early.exited).toBe(1);
    expect(early.output.join('\n')).toMatch(/lacks migrations 0000_foundation.*run the migrate step first/);
    expect(await pendingBefore.exited).toBe(3);
    const migrators = [runApi('cli', ['migrate'], env), runApi('cli', ['migrate'], env)];
    const codes = await Promise.all(migrators.map((migrator) => migrator.exited));
    expect(codes, migrators.flatMap((migrator) => migrator.output).join('\n')).toEqual([0, 0]);
    const status = runApi('cli', ['status'], env);
    expect(await status.exited).toBe(0);
    expect(status.output.join('\n')).toContain('up to date');

    const fresh = new pg.Client({ connectionString: url });
    await fresh.connect();
    try {
      const applied = await fresh.query<{ n: number }>(
        'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash',
      );
      expect(applied.rows.length).toBeGreaterThan(3);
      for (const row of applied.rows) expect(row.n).toBe(1);
    } finally {
      await fresh.end();
    }
  }, 180_000);

  it('warns at every start when the payment sandbox runs in production (configured explicitly here)', () => {
    expect(a.output.join('\n')).toMatch(/WARNING: PAYMENT_PROVIDER=sandbox in production/);
  });

  it('leaves a configured server without demo data (only `pnpm db:seed` fills one)', async () => {
    const demo = await queryRows<{ id: string }>(sql`select id from users where email = 'demo@example.com'`);
    expect(demo).toEqual([]);
  });

  it('honours a session made on one instance on the other, and its revocation on one at once on the other', async () => {
    const user = await createCustomer(database.db);
    const token = await tokenOf(PORTS.a, user.email);
    const onA = createPortalClient({ baseUrl: origin(PORTS.a), token });
    const onB = createPortalClient({ baseUrl: origin(PORTS.b), token });

    expect(expectData(await onB.GET('/api/v1/me')).email).toBe(user.email);

    expect((await onB.POST('/api/v1/auth/logout')).response.status).toBe(204);
    // The very next request on the other instance is refused: it had not cached the session.
    const after = await onA.GET('/api/v1/me');
    expect(after.response.status).toBe(401);
    expect(after.error?.code).toBe('unauthenticated');
  });

  /** Signs in on A and has B answer (and so cache) the session; answers the bearer headers. */
  async function cachedOnB() {
    const user = await createCustomer(database.db);
    const bearer = await bearerOf(PORTS.a, user.email);
    for (let round = 0; round < 2; round++) {
      expect((await fetch(`${base(PORTS.b)}/me`, { headers: bearer })).status).toBe(200);
    }
    return bearer;
  }

  const refusedOnB = (bearer: Record<string, string>) =>
    waitFor(
      'B to refuse the revoked session',
      async () => (await fetch(`${base(PORTS.b)}/me`, { headers: bearer })).status === 401,
      1_000,
      20,
    );

  it('refuses on B within a second a session B has cached and A revoked (NOTIFY, ADR 0025-d)', async () => {
    const bearer = await cachedOnB();
    expect((await fetch(`${base(PORTS.a)}/auth/logout`, { method: 'POST', headers: bearer })).status).toBe(204);
    await refusedOnB(bearer);
  });

  it("still refuses the revoked session on B when B's LISTEN connection was killed", async () => {
    const bearer = await cachedOnB();
    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = $2',
      [`portal-session-cache:${b.child.pid}`, databaseName],
    );
    expect(killed.rowCount).toBe(1);
    // Revoked while B may hear nothing: B forgets what it cached once the connection is gone.
    expect((await fetch(`${base(PORTS.a)}/auth/logout`, { method: 'POST', headers: bearer })).status).toBe(204);
    await refusedOnB(bearer);
    await waitFor(
      'B to report the lost connection',
      async () => b.logs.some((record) => String(record.msg).includes('LISTEN connection lost')),
      5_000,
    );
    // And B listens again.
    await waitFor(
      'B to listen again',
      async () =>
        (
          await admin.query('select 1 from pg_stat_activity where application_name = $1 and datname = $2', [
            `portal-session-cache:${b.child.pid}`,
            databaseName,
          ])
        ).rowCount === 1,
      10_000,
    );
  });

  it('runs a scheduled job once across both instances: each queued e-mail is delivered exactly once', async () => {
    const recipients = Array.from(
      { length: 6 },
      (_, index) => `scale-${index}-${randomBytes(3).toString('hex')}@example.com`,
    );
    for (const to of recipients) {
      await sendEmail(database.db, { to, language: 'de', template: passwordChanged, params: { name: 'Scale Out' } });
    }
    await waitFor(
      'the outbox to be delivered',
      async () => {
        const [unsent] = await queryRows<{ n: number }>(
          sql`select count(*)::int as n from outbox_emails where sent_at is null`,
        );
        return unsent?.n === 0;
      },
      15_000,
    );
    // A duplicate could only come from another pass over the outbox: wait until one more pass,
    // started after every e-mail was marked sent, has finished (on either instance).
    const [now] = await queryRows<{ at: string }>(sql`select now()::text as at`);
    await waitFor(
      'a later outbox pass to finish',
      async () => {
        const [job] = await queryRows<{ done: boolean }>(
          sql`select last_started_at > ${now?.at}::timestamptz and last_finished_at >= last_started_at as done
              from scheduled_jobs where name = 'mail.deliver-outbox'`,
        );
        return job?.done;
      },
      15_000,
    );
    const delivered = sink.messages.flatMap((message: SinkMessage) => message.to);
    expect(delivered.filter((to) => recipients.includes(to)).sort()).toEqual([...recipients].sort());
    const rows = await database.db.select().from(outboxEmails);
    expect(rows.every((row) => row.sentAt !== null)).toBe(true);
  }, 30_000);

  it('runs the throttling-counter purge (a 10-minute period) on exactly one of the two instances', async () => {
    const purgeLogs = () =>
      [...a.logs, ...b.logs].filter(
        (record) => record.job === 'ops.purge-rate-limits' && record.msg === 'purged expired throttling counters',
      );
    await waitFor('the first purge', async () => purgeLogs().length > 0, 15_000);
    const [job] = await queryRows<{ finished: boolean }>(
      sql`select last_finished_at is not null as finished from scheduled_jobs where name = 'ops.purge-rate-limits'`,
    );
    expect(job?.finished).toBe(true);
    expect(purgeLogs()).toHaveLength(1);
  }, 30_000);

  it('creates one payment for one idempotency key sent to both instances at once', async () => {
    const staff = createPortalClient({
      baseUrl: origin(PORTS.a),
      token: await tokenOf(PORTS.a, (await createStaff(database.db)).email),
    });
    const customer = await createCustomer(database.db);
    const invoice = expectData(
      await staff.POST('/api/v1/admin/invoices', {
        body: {
          customerId: customer.id,
          issueDate: '2026-03-01',
          dueDate: '2099-03-15',
          servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
          lines: [{ description: 'Colocation 1 HE', quantity: 1, unit: 'HE', unitPrice: 4_900, taxRate: 19 }],
        },
      }),
    );
    const token = await tokenOf(PORTS.b, customer.email);
    const key = idempotencyKey();
    const pay = async (port: number) => {
      const client = createPortalClient({ baseUrl: origin(port), token });
      const { data, error, response } = await client.POST('/api/v1/invoices/{id}/payments', {
        params: { path: { id: invoice.id }, header: key },
        body: { method: 'card' },
      });
      return { status: response.status, headers: response.headers, body: { id: data?.id, code: error?.code } };
    };
    // At once: one request runs, the others meet its key in use (409, ADR 0021) or, if it has
    // finished, its stored answer; never a second payment.
    const answers = await Promise.all([pay(PORTS.a), pay(PORTS.b), pay(PORTS.a), pay(PORTS.b)]);
    const bodies = answers.map((answer) => answer.body);
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.every((status) => status === 201 || status === 409),
      JSON.stringify(bodies),
    ).toBe(true);
    expect(statuses).toContain(201);
    const created = bodies.filter((_, index) => statuses[index] === 201);
    expect(new Set(created.map((body) => body.id)).size).toBe(1);
    for (const refused of bodies.filter((_, index) => statuses[index] === 409)) {
      expect(refused.code).toBe('idempotency_key_in_use');
    }
    // Afterwards, on either instance, the retry replays the one payment.
    for (const port of [PORTS.a, PORTS.b]) {
      const retry = await pay(port);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.id).toBe(created[0]?.id);
    }
    const [stored] = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from payments where invoice_id = ${invoice.id}`,
    );
    expect(stored?.n).toBe(1);
  });

  it('counts sign-in attempts across both instances', async () => {
    // From an address of its own: alternating instances, the limit is met only if they share counts.
    // A new e-mail address each attempt, so that only the per-client limit counts (not the growing
    // delay per account and client address, ADR 0010).
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LOGIN_LIMIT; attempt++) {
      const port = attempt % 2 === 0 ? PORTS.b : PORTS.a;
      statuses.push((await loginFrom('127.0.0.3', port, `nobody-${attempt}@example.com`, 'wrong-password')).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(401), 429]);
    const again = await loginFrom('127.0.0.3', PORTS.a, 'nobody@example.com', 'wrong-password');
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThan(0);
  });

  it('logs JSON lines carrying the request id, and serves metrics on the separate port', async () => {
    const requestId = `scale-out-${randomBytes(4).toString('hex')}`;
    const answer = await fetch(`${base(PORTS.a)}/health`, { headers: { 'x-request-id': requestId } });
    expect(answer.headers.get('x-request-id')).toBe(requestId);
    const completed = await waitFor(
      'the request log line',
      async () => a.logs.find((record) => record.reqId === requestId && record.msg === 'request completed'),
      2_000,
    );
    expect(completed).toMatchObject({ level: 30, reqId: requestId, res: { statusCode: 200 } });
    expect(a.logs.find((record) => record.reqId === requestId && record.msg === 'incoming request')).toMatchObject({
      req: { method: 'GET', url: '/api/v1/health' },
    });

    const metrics = await fetch(`http://127.0.0.1:${PORTS.metrics}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/health\/ready",status_code="200"\}/);
    expect(text).toMatch(/portal_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/portal_session_cache\{measure="listening"\} 1/);
    // Not on the public port without the token.
    expect((await fetch(`http://127.0.0.1:${PORTS.a}/metrics`)).status).toBe(404);
  });

  it('is not ready while the database refuses connections, and ready again after', async () => {
    await admin.query(`alter database "${databaseName}" allow_connections false`);
    try {
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [databaseName],
      );
      await waitFor(
        'readiness to fail',
        async () => {
          expectRunning(a);
          return (await fetch(`${base(PORTS.a)}/health/ready`)).status === 503;
        },
        5_000,
      );
      expect((await fetch(`${base(PORTS.a)}/health`)).status).toBe(200);
    } finally {
      await admin.query(`alter database "${databaseName}" allow_connections true`);
    }
    await ready(PORTS.a);
  }, 200_000);

  it('finishes a request in flight when told to stop, closes idle kept-alive connections, then exits cleanly', async () => {
    // An instance of its own, with a shutdown deadline far beyond the test's timeout: if an idle
    // kept-alive connection held the shutdown up, the exit would not come in time.
    const stopping = runApi('server', [], serverEnv(PORTS.stopping, { SHUTDOWN_TIMEOUT_SECONDS: '300' }));
    const idleAgent = new Agent({ keepAlive: true });
    try {
      await ready(PORTS.stopping, stopping);
      const idle = await loginFrom('127.0.0.2', PORTS.stopping, 'idle@example.com', 'some-password', idleAgent);
      expect(idle.status).toBe(401);
      expect(Object.values(idleAgent.freeSockets).flat()).toHaveLength(1);

      // A sign-in whose body arrives in two parts: SIGTERM lands between them.
      const body = JSON.stringify({ email: 'late@example.com', password: 'some-password' });
      let sendRest = () => {};
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            localAddress: '127.0.0.2',
            port: PORTS.stopping,
            path: '/api/v1/auth/login',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        sendRest = () => req.end(body.slice(10));
      });
      const logins = () =>
        stopping.logs.filter(
          (record) =>
            record.msg === 'incoming request' && (record.req as { url?: string }).url === '/api/v1/auth/login',
        ).length;
      await waitFor('the request to arrive', async () => logins() === 2);
      stopping.child.kill('SIGTERM');
      await waitFor('the shutdown to begin', async () =>
        stopping.logs.some((record) => String(record.msg).startsWith('shutting down')),
      );
      sendRest();
      const answer = await response;
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toHaveProperty('requestId');
      expect(await stopping.exited).toBe(0);
      expect(stopping.logs.some((record) => record.msg === 'shut down')).toBe(true);
    } finally {
      idleAgent.destroy();
      stopping.child.kill('SIGKILL');
    }
    // The instances that keep serving are untouched.
    expect((await fetch(`${base(PORTS.a)}/health/ready`)).status).toBe(200);
  }, 240_000);
});
