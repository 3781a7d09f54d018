import { randomUUID } from 'node:crypto';
import {
  isTokenScope,
  roleAllows,
  staffPermissions,
  staffRoleMay,
  staffRoles,
  type TPermission,
  tokenScopes,
} from '@portal/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../app';
import {
  API,
  loadOperations,
  memberRoles,
  type Operation,
  type ResolvedPath,
  resolvePath,
  type Session,
  seedWebhookEndpoint,
  seedWorld,
  signInAs,
  tokenSession,
  validRequestParts,
  type World,
} from './api-surface';

/**
 * The authorization matrix, generated from the OpenAPI document: every route with a path
 * parameter is called with a real id of the demo customer — by a second customer (404, exactly
 * like a missing object), without a session (401) and, under /admin/, by a customer (403). The
 * owner (or staff) getting an answer other than 404 shows the id was real. Every /admin/ route is
 * also called by each staff role: 403 where the role lacks the contract's `staffPermission`, an
 * answer where it has it. Nothing here names a route: a new one is covered as soon as it is documented.
 */

const ctx = useTestApp();
let operations: Operation[];
let world: World;

beforeAll(async () => {
  operations = await loadOperations(ctx.app);
  world = await seedWorld(ctx.app, ctx.db);
}, 180_000);

interface Call {
  status: number;
  contentType: string;
  body: string;
}

async function call(operation: Operation, url: string, session: Session | null, seed = 7): Promise<Call> {
  const parts = validRequestParts(operation.contract, seed);
  const response = await ctx.app.inject({
    method: operation.method as 'GET',
    url,
    headers: { ...parts.headers, ...(session?.headers ?? {}) },
    ...(parts.payload !== undefined ? { payload: parts.payload } : {}),
  });
  return { status: response.statusCode, contentType: String(response.headers['content-type']), body: response.body };
}

const deniedRoles = (operation: Operation) =>
  staffRoles.filter((role) => !staffRoleMay(role, operation.contract.staffPermission ?? 'staff'));
const allowedRoles = (operation: Operation) =>
  staffRoles.filter((role) => staffRoleMay(role, operation.contract.staffPermission ?? 'staff'));

describe('authorization matrix', () => {
  it('answers 404 to another customer, 401 without a session and 403 to customers on /admin/ — for every route with an id', async () => {
    const withIds = operations.filter((operation) => operation.pathParams.length > 0);
    expect(withIds.length).toBeGreaterThan(15);
    const failures: string[] = [];
    const unresolved: string[] = [];
    const resolved: Array<{ operation: Operation; path: ResolvedPath; admin: boolean }> = [];

    for (const operation of withIds) {
      const admin = operation.path.startsWith(`${API}/admin/`);
      // Every route with an id is for signed-in callers; a public one would need its own reasoning.
      if (!operation.secured) failures.push(`${operation.label}: has a path id but no security requirement`);
      const path = await resolvePath(ctx.app, operations, operation, world.owner, world.staff);
      if (!path) {
        unresolved.push(operation.label);
        continue;
      }
      resolved.push({ operation, path, admin });
      const expectations: Array<[string, Session | null, number]> = admin
        ? [
            ['no session', null, 401],
            ['customer (owner)', world.owner, 403],
            ['customer (intruder)', world.intruder, 403],
            ...deniedRoles(operation).map((role): [string, Session, number] => [role, world.staffRoles[role], 403]),
          ]
        : [
            ['no session', null, 401],
            ['second customer', world.intruder, 404],
          ];
      for (const [who, session, status] of expectations) {
        const answer = await call(operation, path.url, session);
        if (answer.status !== status || !answer.contentType.includes('application/problem+json')) {
          failures.push(`${operation.label} as ${who}: ${answer.status} (want ${status}) ${answer.body.slice(0, 200)}`);
        }
      }
    }

    // Positive controls last (writes change state): the rightful caller is not turned away, so
    // the ids above were real and the 404s meant "not yours". Reads first, then writes.
    const ordered = [...resolved].sort(
      (a, b) => Number(a.operation.method !== 'GET') - Number(b.operation.method !== 'GET'),
    );
    for (const { operation, path, admin } of ordered) {
      const reads = operation.method === 'GET';
      // A write may end the session it runs in (e.g. ending a session), so each gets its own.
      // Staff reads by the least role allowed (the positive control of the role rows), writes by an admin.
      const session = admin
        ? reads
          ? world.staffRoles[allowedRoles(operation)[0] ?? 'admin']
          : world.staff
        : reads
          ? world.owner
          : await signInAs(ctx.app, world.owner.email);
      const answer = await call(operation, path.url, session);
      const ok = reads ? answer.status === 200 : answer.status < 500 && ![401, 403, 404].includes(answer.status);
      if (!ok)
        failures.push(`${operation.label} as the rightful caller: ${answer.status} ${answer.body.slice(0, 200)}`);
    }

    // Every id resolves to a real object of the demo customer; nothing is left out.
    expect(unresolved).toEqual([]);
    expect(failures).toEqual([]);
    expect(resolved.length).toBe(withIds.length);
  }, 180_000);

  it('answers 401 without a session and 403 to a customer on every other secured route', async () => {
    const failures: string[] = [];
    const secured = operations.filter((operation) => operation.secured && operation.pathParams.length === 0);
    expect(secured.length).toBeGreaterThan(10);
    for (const operation of secured) {
      const anonymous = await call(operation, operation.path, null);
      if (anonymous.status !== 401) failures.push(`${operation.label} without a session: ${anonymous.status}`);
      if (operation.path.startsWith(`${API}/admin/`)) {
        const customer = await call(operation, operation.path, world.intruder);
        if (customer.status !== 403) failures.push(`${operation.label} as a customer: ${customer.status}`);
        for (const role of staffRoles) {
          const answer = await call(operation, operation.path, world.staffRoles[role]);
          const allowed = staffRoleMay(role, operation.contract.staffPermission ?? 'staff');
          if (allowed ? [401, 403].includes(answer.status) || answer.status >= 500 : answer.status !== 403)
            failures.push(`${operation.label} as ${role}: ${answer.status} (${allowed ? 'allowed' : 'want 403'})`);
        }
      }
    }
    // And every /admin/ route is secured at all, and names a permission of the vocabulary.
    for (const operation of operations.filter((op) => op.path.startsWith(`${API}/admin/`))) {
      if (!operation.secured || operation.contract.access !== 'staff')
        failures.push(`${operation.label} is not staff-only`);
      const permission = operation.contract.staffPermission;
      if (!permission || !staffPermissions.includes(permission))
        failures.push(`${operation.label} declares no staff permission`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses forged and foreign tokens alike', async () => {
    const target = operations.find((operation) => operation.pathParams.length > 0 && operation.method === 'GET');
    expect(target).toBeDefined();
    if (!target) return;
    const owner = await signInAs(ctx.app, world.owner.email);
    const path = await resolvePath(ctx.app, operations, target, owner);
    expect(path).not.toBeNull();
    const token = owner.headers.authorization.slice('Bearer '.length);
    const [header, payload] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload as string, 'base64url').toString()), role: 'staff' }),
    ).toString('base64url');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const authorization of [
      `Bearer ${header}.${forgedPayload}.${token.split('.')[2]}`,
      `Bearer ${unsigned}`,
      'Bearer x',
      'Basic abc',
    ]) {
      const response = await ctx.app.inject({ url: path?.url ?? '', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  it('answers 403 scope_forbidden to a personal API token without the route’s scope — on every customer route — and lets one with it read', async () => {
    const failures: string[] = [];
    const customerRoutes = operations.filter((operation) => operation.contract.access === 'user');
    const owner = await signInAs(ctx.app, world.owner.email);
    const allScopes = await tokenSession(ctx.app, ctx.db, owner, tokenScopes);
    for (const operation of customerRoutes) {
      const permission = operation.contract.permission ?? 'self';
      // The scope is checked before anything is looked up: an id that earlier positive controls
      // removed (a passkey, a webhook endpoint) still shows the refusal; reads need a real one.
      const resolved =
        operation.pathParams.length > 0
          ? await resolvePath(ctx.app, operations, operation, owner)
          : { url: operation.path };
      const url = resolved?.url ?? operation.path.replace(/\{[^}]+\}/g, () => randomUUID());
      // Every scope but the one the route needs (all of them for routes no token reaches).
      const without = isTokenScope(permission)
        ? await tokenSession(
            ctx.app,
            ctx.db,
            owner,
            tokenScopes.filter((scope) => scope !== permission),
          )
        : allScopes;
      const refused = await call(operation, url, without);
      if (refused.status !== 403 || !refused.body.includes('"scope_forbidden"'))
        failures.push(
          `${operation.label} by a token without ${permission}: ${refused.status} ${refused.body.slice(0, 160)}`,
        );
      if (isTokenScope(permission) && operation.method === 'GET') {
        if (!resolved) failures.push(`${operation.label}: no id of the demo customer`);
        const allowed = await call(operation, url, await tokenSession(ctx.app, ctx.db, owner, [permission]));
        if (allowed.status !== 200)
          failures.push(`${operation.label} by a token with ${permission}: ${allowed.status}`);
      }
    }
    // Staff routes never take a token, whatever its scopes.
    for (const operation of operations.filter((op) => op.contract.access === 'staff' && op.pathParams.length === 0)) {
      const answer = await call(operation, operation.path, allScopes);
      if (answer.status !== 403) failures.push(`${operation.label} by a token: ${answer.status} (want 403)`);
    }
    expect(failures).toEqual([]);
  }, 180_000);

  // Last: the positive controls of writes change state.
  it('answers 403 role_forbidden to each member role a customer route does not allow, and lets the others in', async () => {
    const failures: string[] = [];
    const customerRoutes = operations.filter((operation) => operation.contract.access === 'user');
    for (const operation of customerRoutes)
      if (!operation.contract.permission) failures.push(`${operation.label} declares no permission`);
    const guarded = customerRoutes.filter(
      (operation) => operation.contract.permission && operation.contract.permission !== 'self',
    );
    expect(guarded.length).toBeGreaterThan(20);
    // Earlier writes may have ended the world's owner session (DELETE /account/sessions/{id}).
    const sessions = { ...world.members, owner: await signInAs(ctx.app, world.owner.email) };
    // …and the positive control of DELETE /webhook-endpoints/{id} removed the world's endpoint.
    await seedWebhookEndpoint(ctx.app, ctx.db, sessions.owner);
    const allowedWrites: Array<{ operation: Operation; url: string; role: (typeof memberRoles)[number] }> = [];
    for (const operation of guarded) {
      const permission = operation.contract.permission as TPermission;
      const path =
        operation.pathParams.length > 0
          ? await resolvePath(ctx.app, operations, operation, sessions.owner)
          : { url: operation.path };
      if (!path) {
        failures.push(`${operation.label}: no id of the demo customer`);
        continue;
      }
      // Staff belong to no customer: no customer permission either.
      const staff = await call(operation, path.url, world.staff);
      if (staff.status !== 403) failures.push(`${operation.label} as staff: ${staff.status} (want 403)`);
      for (const role of memberRoles) {
        if (!roleAllows(role, permission)) {
          const answer = await call(operation, path.url, sessions[role]);
          if (answer.status !== 403 || !answer.body.includes('"role_forbidden"'))
            failures.push(`${operation.label} as ${role}: ${answer.status} (want 403) ${answer.body.slice(0, 160)}`);
        } else if (operation.method === 'GET') {
          const answer = await call(operation, path.url, sessions[role]);
          if (answer.status !== 200) failures.push(`${operation.label} as ${role}: ${answer.status} (want 200)`);
        } else if (role !== 'owner') allowedWrites.push({ operation, url: path.url, role });
      }
    }
    for (const { operation, url, role } of allowedWrites) {
      const answer = await call(operation, url, sessions[role]);
      if (answer.status >= 500 || [401, 403, 404].includes(answer.status))
        failures.push(`${operation.label} as ${role} (allowed): ${answer.status} ${answer.body.slice(0, 160)}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
