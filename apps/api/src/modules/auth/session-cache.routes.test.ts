/**
 * The session cache against PostgreSQL (ADR 0025-d): a signed-in request is answered without
 * reading its session once cached, and every change made elsewhere (another instance, a script,
 * the back office) reaches it through the triggers' NOTIFY. The two-process case is in
 * test/scale-out.test.ts.
 */
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, signIn } from '../../../test/factories';
import { waitFor } from '../../../test/scale-out.helpers';
import { customerMembers, customers, sessions, users } from '../../db/schema/index';

const ctx = useTestApp({ SESSION_CACHE_SECONDS: '30' });

/**
 * The cache needs PostgreSQL's LISTEN; on the embedded database (no TEST_DATABASE_URL) there is
 * none, and these tests check exactly that instead. CI and the README's test command use PostgreSQL.
 */
function cacheOrNone() {
  if (ctx.database.kind === 'pglite') {
    expect(ctx.app.sessionCache).toBeUndefined();
    return undefined;
  }
  expect(ctx.app.sessionCache).toBeDefined();
  return ctx.app.sessionCache;
}

const sessionIdOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;

async function cachedCustomer() {
  const customer = await createCustomer(ctx.db);
  const signedIn = await signIn(ctx.app, customer.email);
  await waitFor('the cache to listen', async () => ctx.app.sessionCache?.usable, 5_000);
  const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: signedIn.bearer });
  expect(me.statusCode).toBe(200);
  const sessionId = sessionIdOf(signedIn.token);
  expect(ctx.app.sessionCache?.get(sessionId)).toBeDefined();
  return { customer, ...signedIn, sessionId };
}

const me = (headers: Record<string, string>) => ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers });

/** Answers once the change reached the cache through NOTIFY (no request may see the old state after). */
async function untilStatus(headers: Record<string, string>, status: number) {
  await waitFor(`GET /me to answer ${status}`, async () => (await me(headers)).statusCode === status, 2_000, 20);
}

describe('session cache', () => {
  it('answers a cached session without reading the sessions table', async () => {
    if (!cacheOrNone()) return;
    const { bearer } = await cachedCustomer();
    // Another connection holds a lock no reader of `sessions` gets past: only a cached answer comes.
    const blocker = new pg.Client({ connectionString: ctx.database.connectionString });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table sessions in access exclusive mode');
      const answered = await Promise.race([
        me(bearer).then((response) => response.statusCode),
        new Promise<string>((resolve) => setTimeout(() => resolve('blocked on the sessions table'), 5_000)),
      ]);
      expect(answered).toBe(200);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
  });

  it('refuses a session revoked elsewhere, a disabled user, and follows role and account changes', async () => {
    const cache = cacheOrNone();
    if (!cache) return;
    const { customer, bearer, sessionId } = await cachedCustomer();

    await ctx.db.update(customers).set({ company: 'Umbenannt AG' }).where(eq(customers.id, customer.id));
    await waitFor('the new company', async () => (await me(bearer)).json().company === 'Umbenannt AG', 2_000, 20);

    await ctx.db.update(customerMembers).set({ role: 'billing' }).where(eq(customerMembers.userId, customer.userId));
    await waitFor('the new role', async () => (await me(bearer)).json().memberRole === 'billing', 2_000, 20);

    await ctx.db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
    await untilStatus(bearer, 401);
    expect(cache.get(sessionId)).toBeUndefined();

    const other = await cachedCustomer();
    await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, other.customer.userId));
    await untilStatus(other.bearer, 401);
  });

  it('ignores "last seen": writing it does not empty the cache', async () => {
    const cache = cacheOrNone();
    if (!cache) return;
    const { sessionId } = await cachedCustomer();
    const before = cache.generation;
    await ctx.db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
    // A NOTIFY sent now would arrive before this round trip's answer on a quiet listener; wait for
    // a notice that is certain (a change to another row) and check the first left the session.
    await ctx.db.execute(sql`select pg_notify('session_cache', 'u:00000000-0000-0000-0000-000000000000')`);
    await waitFor('the control notice', async () => cache.generation > before, 2_000, 10);
    expect(cache.generation).toBe(before + 1);
    expect(cache.get(sessionId)).toBeDefined();
  });

  it('forgets the caller at once after their own change on this instance (sign-out)', async () => {
    if (!cacheOrNone()) return;
    const { cookie } = await cachedCustomer();
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me({ cookie })).statusCode).toBe(401);
  });

  it('empties and bypasses the cache when the LISTEN connection is lost, and uses it again once back', async () => {
    const cache = cacheOrNone();
    if (!cache) return;
    const { bearer, sessionId } = await cachedCustomer();
    const before = cache.generation;
    const killed = await ctx.db.execute(
      sql`select pg_terminate_backend(pid) as killed from pg_stat_activity
          where application_name = ${`portal-session-cache:${process.pid}`} and datname = current_database()`,
    );
    expect((killed as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    await waitFor('the loss to be noticed', async () => cache.generation > before, 5_000, 10);
    expect(cache.get(sessionId)).toBeUndefined();
    // Revoked while this instance may not hear it: the database decides.
    await ctx.db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
    expect((await me(bearer)).statusCode).toBe(401);
    await waitFor('LISTEN to be back', async () => cache.usable, 5_000, 20);
    const again = await cachedCustomer();
    expect(cache.get(again.sessionId)).toBeDefined();
  });

  it('writes "last seen" behind the requests, in one batch', async () => {
    if (!cacheOrNone()) return;
    const { sessionId, bearer } = await cachedCustomer();
    const [before] = await ctx.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect((await me(bearer)).statusCode).toBe(200);
    expect(ctx.app.lastSeen.sessions.pending).toBeGreaterThan(0);
    await ctx.app.lastSeen.sessions.flush();
    const [after] = await ctx.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(after?.lastSeenAt.getTime()).toBeGreaterThan(before?.lastSeenAt.getTime() ?? 0);
  });
});
