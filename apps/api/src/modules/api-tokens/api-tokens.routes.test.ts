import { randomUUID } from 'node:crypto';
import { tokenScopes } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { createCustomer, expectProblem, signedInCustomer, signIn, TEST_PASSWORD } from '../../../test/factories';
import { createProduct } from '../../../test/product-factories';
import { apiTokens, customerMembers, idempotencyKeys, securityEvents, users } from '../../db/schema/index';
import { hashPassword } from '../../lib/password';
import { findEmailsTo } from '../../mail/outbox.repository';
import { insertMember } from '../customers/customers.repository';
import { hashApiToken } from './api-tokens.service';

const ctx = useTestApp();
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type Headers = Record<string, string>;
const createToken = (headers: Headers, payload: Record<string, unknown>, extra: Headers = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/account/tokens', headers: { ...headers, ...extra }, payload });
const withToken = (token: string) => ({ authorization: `Bearer ${token}` });

async function ownerWithToken(scopes: string[]) {
  const owner = await signedInCustomer(ctx.app, ctx.db);
  const created = await createToken(owner.bearer, { name: 'Buchhaltung', scopes, expiresAt: inDays(30) });
  expect(created.statusCode, created.body).toBe(201);
  return { owner, created: created.json() as { id: string; token: string; prefix: string } };
}

describe('personal API tokens: create, use, list, revoke', () => {
  it('shows the token once, stores only its hash, and lets it act for the member within its scopes', async () => {
    const { owner, created } = await ownerWithToken(['invoices:read', 'products:read']);
    expect(created.token).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const product = await createProduct(ctx.db, owner.user.id);
    const read = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: withToken(created.token) });
    expect(read.statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/v1/invoices', headers: withToken(created.token) })).statusCode).toBe(200);
    // "Last used" is written behind the requests (ADR 0025-d): the instance's next batch.
    await ctx.app.lastSeen.tokens.flush();

    const list = await ctx.app.inject({ url: '/api/v1/account/tokens', headers: owner.bearer });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: created.id, name: 'Buchhaltung', scopes: ['invoices:read', 'products:read'] }),
    ]);
    expect(list.json().items[0].lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(created.token);
  });

  it('answers 403 scope_forbidden outside its scopes and on every route no token reaches', async () => {
    const { owner, created } = await ownerWithToken(['invoices:read']);
    const headers = withToken(created.token);
    expectProblem(await ctx.app.inject({ url: '/api/v1/tickets', headers }), 403, 'scope_forbidden');
    // Password, sessions, second factors, tokens themselves, deletion, webhooks: never by token.
    const never: Array<['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown?]> = [
      ['PUT', '/api/v1/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-long-passphrase' }],
      ['GET', '/api/v1/account/sessions'],
      ['POST', '/api/v1/account/mfa/totp'],
      ['GET', '/api/v1/account/tokens'],
      ['POST', '/api/v1/account/tokens', { name: 'x', scopes: ['invoices:read'], expiresAt: inDays(3) }],
      ['DELETE', `/api/v1/account/tokens/${created.id}`],
      ['GET', '/api/v1/webhook-endpoints'],
      ['POST', '/api/v1/auth/logout'],
    ];
    for (const [method, url, payload] of never) {
      const answer = await ctx.app.inject({ method, url, headers, ...(payload ? { payload: payload as object } : {}) });
      expectProblem(answer, 403, 'scope_forbidden');
    }
    // The token still works, and the owner's session was not touched by any of it.
    expect((await ctx.app.inject({ url: '/api/v1/invoices', headers })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/v1/account/sessions', headers: owner.bearer })).statusCode).toBe(200);
  });

  it('is 401 at once after it is revoked, and revoking is written to the security log', async () => {
    const { owner, created } = await ownerWithToken(['invoices:read']);
    const revoke = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/account/tokens/${created.id}`,
      headers: owner.bearer,
    });
    expect(revoke.statusCode).toBe(204);
    expectProblem(await ctx.app.inject({ url: '/api/v1/invoices', headers: withToken(created.token) }), 401);
    const again = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/account/tokens/${created.id}`,
      headers: owner.bearer,
    });
    expectProblem(again, 404, 'not_found');
    const types = (await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, owner.user.id))).map(
      (event) => event.type,
    );
    expect(types).toEqual(expect.arrayContaining(['api_token.created', 'api_token.revoked']));
    expect((await findEmailsTo(ctx.db, owner.user.email)).map((mail) => mail.template)).toContain(
      'account.api-token-created',
    );
  });

  it('is 401 once expired, or once its member is disabled or no longer a member', async () => {
    for (const end of ['expired', 'disabled', 'removed'] as const) {
      const { owner, created } = await ownerWithToken(['invoices:read']);
      if (end === 'expired') {
        await ctx.db
          .update(apiTokens)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(apiTokens.id, created.id));
      } else if (end === 'disabled') {
        await ctx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, owner.user.id));
      } else {
        await ctx.db.delete(customerMembers).where(eq(customerMembers.userId, owner.user.id));
      }
      expectProblem(await ctx.app.inject({ url: '/api/v1/invoices', headers: withToken(created.token) }), 401);
    }
    expectProblem(await ctx.app.inject({ url: '/api/v1/invoices', headers: withToken(`pat_${'x'.repeat(43)}`) }), 401);
  });

  it("never reaches another customer's objects: 404 as for the session", async () => {
    const { created } = await ownerWithToken(['products:read']);
    const other = await createCustomer(ctx.db);
    const product = await createProduct(ctx.db, other.id);
    const answer = await ctx.app.inject({ url: `/api/v1/products/${product.id}`, headers: withToken(created.token) });
    expectProblem(answer, 404, 'not_found');
  });
});

describe('personal API tokens: what a member may hand out', () => {
  async function member(role: 'billing' | 'technical' | 'readonly') {
    const owner = await createCustomer(ctx.db);
    const email = `member-${randomUUID()}@example.com`;
    const user = await insertMember(
      ctx.db,
      owner.id,
      { email, passwordHash: await hashPassword(TEST_PASSWORD), name: 'Mia' },
      role,
    );
    return { owner, user, session: await signIn(ctx.app, email) };
  }

  it('refuses scopes beyond the role (400 naming scopes), and a token shrinks with its member’s role', async () => {
    const { user, session } = await member('billing');
    const beyond = await createToken(session.bearer, { name: 'x', scopes: ['tickets:write'], expiresAt: inDays(5) });
    expect(expectProblem(beyond, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ path: 'scopes', code: 'scopeBeyondRole' }),
    ]);

    const created = await createToken(session.bearer, { name: 'ok', scopes: ['invoices:read'], expiresAt: inDays(5) });
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect((await ctx.app.inject({ url: '/api/v1/invoices', headers: withToken(token) })).statusCode).toBe(200);
    // The owner makes the member technical: the token's scope is no longer in the role.
    await ctx.db.update(customerMembers).set({ role: 'technical' }).where(eq(customerMembers.userId, user.id));
    expectProblem(await ctx.app.inject({ url: '/api/v1/invoices', headers: withToken(token) }), 403, 'role_forbidden');
  });

  it('refuses an expiry in the past or more than a year ahead, unknown scopes and scopes no token may hold', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const past = await createToken(owner.bearer, { name: 'x', scopes: ['invoices:read'], expiresAt: inDays(-1) });
    expect(expectProblem(past, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ path: 'expiresAt', code: 'expiryPast' }),
    ]);
    const late = await createToken(owner.bearer, { name: 'x', scopes: ['invoices:read'], expiresAt: inDays(400) });
    expect(expectProblem(late, 400, 'validation_failed').errors).toEqual([
      expect.objectContaining({ path: 'expiresAt', code: 'expiryTooLate' }),
    ]);
    for (const scope of ['account:delete', 'team:manage', 'integrations:manage', 'everything']) {
      const answer = await createToken(owner.bearer, { name: 'x', scopes: [scope], expiresAt: inDays(5) });
      expect(expectProblem(answer, 400, 'validation_failed').errors?.[0]?.path).toMatch(/^scopes/);
    }
    expect(tokenScopes).not.toContain('account:delete');
  });

  it('keeps at most 20 active tokens per member', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    for (let i = 0; i < 20; i++) {
      const answer = await createToken(owner.bearer, {
        name: `t${i}`,
        scopes: ['invoices:read'],
        expiresAt: inDays(5),
      });
      expect(answer.statusCode).toBe(201);
    }
    expectProblem(
      await createToken(owner.bearer, { name: 'one too many', scopes: ['invoices:read'], expiresAt: inDays(5) }),
      409,
      'conflict',
    );
  });

  it('replays a creation retried with its Idempotency-Key, and keeps the stored answer sealed', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const payload = { name: 'CI', scopes: ['invoices:read'], expiresAt: inDays(5) };
    const key = randomUUID();
    const first = await createToken(owner.bearer, payload, { 'idempotency-key': key });
    const retry = await createToken(owner.bearer, payload, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().token).toBe(first.json().token);
    const [stored] = await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored?.responseBody).toMatch(/^v1\./);
    expect(stored?.responseBody).not.toContain(first.json().token);
  });
});
