import { randomBytes } from 'node:crypto';
import * as allContracts from '@portal/contracts';
import {
  memberRoles,
  type RouteContract,
  type TMemberRole,
  type TStaffRole,
  type TTokenScope,
} from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client';
import { webhookDeliveries } from '../../src/db/schema/index';
import { DEMO_PASSWORD } from '../../src/db/seed/accounts';
import { seedDemoDataIfEmpty } from '../../src/db/seed/index';
import { hashPassword } from '../../src/lib/password';
import { insertApiToken } from '../../src/modules/api-tokens/api-tokens.repository';
import { hashApiToken } from '../../src/modules/api-tokens/api-tokens.service';
import { findUserByEmail } from '../../src/modules/auth/users.repository';
import { asCustomerId } from '../../src/modules/customers/customer-id';
import { findMembershipOf, insertMember } from '../../src/modules/customers/customers.repository';
import { createSoftAuthenticator } from '../soft-authenticator';
import { sampleValid } from './zod-arbitraries';

/**
 * The API as its OpenAPI document describes it, joined with the zod contracts: the authorization
 * matrix and the fuzzer walk this list, so a new route is covered as soon as it is documented.
 */
export interface Operation {
  method: string;
  /** OpenAPI form, e.g. `/api/v1/tickets/{id}`. */
  path: string;
  /** `id`, `attachmentId`, … in the order they appear. */
  pathParams: string[];
  /** Whether the document names a security requirement (a session is needed). */
  secured: boolean;
  contract: RouteContract;
  label: string;
}

export const API = '/api/v1';

function allRouteContracts(): RouteContract[] {
  return (Object.values(allContracts) as unknown[])
    .filter((group): group is Record<string, unknown> => typeof group === 'object' && group !== null)
    .flatMap((group) => Object.values(group))
    .filter(
      (entry): entry is RouteContract =>
        typeof entry === 'object' && entry !== null && 'responses' in entry && 'method' in entry && 'path' in entry,
    );
}

/** Every documented operation; fails if one has no contract (then nothing could check it). */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ url: `${API}/openapi.json` });
  expect(response.statusCode).toBe(200);
  const document = response.json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  const contracts = new Map(
    allRouteContracts().map((contract) => [`${contract.method} ${API}${contract.path}`, contract]),
  );
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const contract = contracts.get(key);
      expect(contract, `documented operation ${key} has no contract in packages/contracts`).toBeDefined();
      if (!contract) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string),
        secured: Array.isArray(operation.security) && operation.security.length > 0,
        contract,
        label: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  expect(operations.length).toBeGreaterThan(30);
  return operations;
}

export interface Session {
  email: string;
  headers: { authorization: string };
}

export async function signInAs(app: FastifyInstance, email: string): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: `${API}/auth/login`,
    payload: { email, password: DEMO_PASSWORD, tokenDelivery: 'bearer' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { email, headers: { authorization: `Bearer ${response.json<{ accessToken: string }>().accessToken}` } };
}

export interface World {
  owner: Session;
  intruder: Session;
  /** An admin: may call every staff route (positive controls). */
  staff: Session;
  /** One session per staff role, for the role rows of the matrix. */
  staffRoles: Record<TStaffRole, Session>;
  /** A member of the demo customer in each role (the owner is `owner`). */
  members: Record<TMemberRole, Session>;
}

export { memberRoles };

/** Members of the demo customer in the roles other than owner, signed in. */
async function seedMembers(app: FastifyInstance, db: Database, owner: Session): Promise<World['members']> {
  const ownerUser = await findUserByEmail(db, owner.email);
  const membership = ownerUser ? await findMembershipOf(db, ownerUser.id) : undefined;
  if (!membership) throw new Error('the demo owner has no customer');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const members: Partial<World['members']> = { owner };
  for (const role of memberRoles.filter((each) => each !== 'owner')) {
    const email = `${role}@demo.example.com`;
    if (!(await findUserByEmail(db, email)))
      await insertMember(db, asCustomerId(membership.customerId), { email, passwordHash, name: `Demo ${role}` }, role);
    members[role] = await signInAs(app, email);
  }
  return members as World['members'];
}

/**
 * A webhook endpoint with one delivery in its log, for `/webhook-endpoints/{id}/…`; again before a
 * later test whose routes an earlier positive control deleted it for.
 */
export async function seedWebhookEndpoint(app: FastifyInstance, db: Database, session: Session) {
  const endpoint = await app.inject({
    method: 'POST',
    url: `${API}/webhook-endpoints`,
    headers: session.headers,
    payload: { url: 'http://127.0.0.1:9/portal-events', events: ['invoice.paid'] },
  });
  expect(endpoint.statusCode, endpoint.body).toBe(201);
  await db
    .insert(webhookDeliveries)
    .values({ endpointId: endpoint.json().id, eventType: 'invoice.paid', payload: {}, retryUntil: new Date() });
}

/**
 * A personal API token of the member behind `session` with the given scopes, made in the database
 * (the matrix needs more of them than the API lets one member hold at a time).
 */
export async function tokenSession(
  app: FastifyInstance,
  db: Database,
  session: Session,
  scopes: readonly TTokenScope[],
): Promise<Session> {
  const user = await findUserByEmail(db, session.email);
  const membership = user ? await findMembershipOf(db, user.id) : undefined;
  if (!user || !membership) throw new Error(`${session.email} is no member`);
  const token = `pat_${randomBytes(32).toString('base64url')}`;
  await insertApiToken(db, {
    customerId: asCustomerId(membership.customerId),
    userId: user.id,
    name: `matrix ${scopes.join(' ')}`,
    scopes: [...scopes],
    tokenHash: hashApiToken(token),
    prefix: token.slice(0, 10),
    expiresAt: new Date(app.now().getTime() + 86_400_000),
  });
  return { email: session.email, headers: { authorization: `Bearer ${token}` } };
}

/** The seed's staff member of each role. */
export const STAFF_ROLE_LOGINS: Record<TStaffRole, string> = {
  support: 'support@example.com',
  billing: 'billing@example.com',
  admin: 'admin@example.com',
};

/**
 * The demo data, plus what the demo seed leaves out but some routes need to have an object at
 * all: a stored bank account (its SEPA mandate is `/account/mandates/{id}/pdf`) and a ticket
 * message with an attachment (`…/attachments/{attachmentId}`). Both are made through the API, as
 * the customer would.
 */
export async function seedWorld(app: FastifyInstance, db: Database): Promise<World> {
  await seedDemoDataIfEmpty(db, { renderer: app.pdf });
  const [owner, intruder, support, billing, admin] = await Promise.all([
    signInAs(app, 'demo@example.com'),
    signInAs(app, 'other@example.com'),
    signInAs(app, STAFF_ROLE_LOGINS.support),
    signInAs(app, STAFF_ROLE_LOGINS.billing),
    signInAs(app, STAFF_ROLE_LOGINS.admin),
  ]);
  for (const session of [owner, intruder]) {
    const bank = await app.inject({
      method: 'PUT',
      url: `${API}/account/bank-account`,
      headers: session.headers,
      payload: { accountHolder: 'Erika Mustermann', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    });
    expect(bank.statusCode, bank.body).toBe(200);
    const tickets = await app.inject({ url: `${API}/tickets`, headers: session.headers });
    const [ticket] = tickets.json<{ items: Array<{ id: string }> }>().items;
    expect(ticket, `${session.email} has a ticket`).toBeDefined();
    const reply = await app.inject({
      method: 'POST',
      url: `${API}/tickets/${ticket?.id}/messages`,
      headers: session.headers,
      payload: {
        body: 'Das Protokoll anbei.',
        attachments: [{ filename: 'log.txt', data: Buffer.from('ping 10.0.0.1: timeout\n').toString('base64') }],
      },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    // A passkey, for `/account/passkeys/{id}`; registered as the security page does.
    const options = await app.inject({
      method: 'POST',
      url: `${API}/account/passkeys/options`,
      headers: session.headers,
      payload: { password: DEMO_PASSWORD },
    });
    expect(options.statusCode, options.body).toBe(200);
    const passkey = await app.inject({
      method: 'POST',
      url: `${API}/account/passkeys`,
      headers: session.headers,
      payload: {
        name: 'Laptop',
        credential: createSoftAuthenticator(app.mfa.rp.origin).register(options.json().options),
      },
    });
    expect(passkey.statusCode, passkey.body).toBe(201);
    await seedWebhookEndpoint(app, db, session);
    // A personal API token, for `/account/tokens/{id}`.
    const token = await app.inject({
      method: 'POST',
      url: `${API}/account/tokens`,
      headers: session.headers,
      payload: {
        name: 'Matrix',
        scopes: ['invoices:read'],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(token.statusCode, token.body).toBe(201);
  }
  // A declaration from the public form that waits for staff review (the address is nobody's),
  // for the review queue's routes; the matching job runs after the answer, as in production.
  const declaration = await app.inject({
    method: 'POST',
    url: `${API}/public/cancellations`,
    payload: { type: 'ordinary', name: 'Erika Mustermann', email: 'unbekannt@example.org', contract: 'V-100001' },
  });
  expect(declaration.statusCode, declaration.body).toBe(202);
  await app.jobs.runDue('products.match-public-cancellations');
  await seedWaitingContractChange(app, owner, admin);
  return {
    owner,
    intruder,
    staff: admin,
    staffRoles: { support, billing, admin },
    members: await seedMembers(app, db, owner),
  };
}

/** A change of the owner's running contract that waits for its day, for `/admin/contracts/{id}/changes/{changeId}`. */
async function seedWaitingContractChange(app: FastifyInstance, owner: Session, admin: Session) {
  const products = await app.inject({ url: `${API}/products`, headers: owner.headers });
  const running = products
    .json<{ items: Array<{ id: string; status: string }> }>()
    .items.find((product) => product.status === 'active');
  expect(running, 'the demo customer has a running contract').toBeDefined();
  const detail = await app.inject({ url: `${API}/admin/contracts/${running?.id}`, headers: admin.headers });
  const { price, contract } = detail.json<{
    price: { amount: number; interval: string };
    contract: { minimumTermMonths: number; noticePeriodMonths: number; renewalMonths: number };
  }>();
  const change = await app.inject({
    method: 'POST',
    url: `${API}/admin/contracts/${running?.id}/changes`,
    headers: admin.headers,
    payload: {
      effectiveDate: '2099-01-01',
      price: { amount: price.amount + 100, interval: price.interval },
      minimumTermMonths: contract.minimumTermMonths,
      noticePeriodMonths: contract.noticePeriodMonths,
      renewalMonths: contract.renewalMonths,
      reason: 'Neue Preisliste',
    },
  });
  expect(change.statusCode, change.body).toBe(201);
}

type Json = unknown;

/** Every value under `key` anywhere in a JSON document (objects or arrays of objects). */
function collectUnder(document: Json, keys: Set<string>, found: Json[] = []): Json[] {
  if (Array.isArray(document)) {
    for (const item of document) collectUnder(item, keys, found);
  } else if (document && typeof document === 'object') {
    for (const [key, value] of Object.entries(document)) {
      if (keys.has(key)) found.push(...(Array.isArray(value) ? value : [value]));
      collectUnder(value, keys, found);
    }
  }
  return found;
}

function idsOf(values: Json[]): string[] {
  return values
    .map((value) => (value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
}

/** `documents` → documents, document; `attachments` → …, attachment; `bank-account` → bankAccount. */
function namesFor(segment: string): Set<string> {
  const camel = segment.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  const singular = camel.replace(/ies$/, 'y').replace(/s$/, '');
  return new Set([camel, singular, `${singular}s`]);
}

export interface ResolvedPath {
  url: string;
  params: Record<string, string>;
}

/**
 * Fills the path parameters of an operation with ids the given session owns, found the way a
 * client finds them: the id after `/things/` comes from `GET …/things` (its `items`); a nested id
 * from the parent resource's arrays of that name (`GET /tickets/{id}` → `messages[].attachments[]`);
 * an id without a collection route from a sibling `GET` that embeds it (`/account/bank-account` →
 * `mandate`). Staff routes under `/admin/` resolve through the customer's own route, or — for
 * objects only staff see (the review queue) — through the admin collection as `staff`.
 * Tries every candidate for the first id until the rest resolves too; null if none does.
 */
export async function resolvePath(
  app: FastifyInstance,
  operations: Operation[],
  operation: Operation,
  session: Session,
  staff?: Session,
): Promise<ResolvedPath | null> {
  const admin = operation.path.startsWith(`${API}/admin/`);
  const found = await resolveTemplate(
    app,
    operations,
    operation,
    admin ? operation.path.replace(`${API}/admin`, API) : operation.path,
    session,
  );
  if (found || !admin || !staff) return found;
  return resolveTemplate(app, operations, operation, operation.path, staff);
}

async function resolveTemplate(
  app: FastifyInstance,
  operations: Operation[],
  operation: Operation,
  template: string,
  session: Session,
): Promise<ResolvedPath | null> {
  const gets = new Set(operations.filter((op) => op.method === 'GET').map((op) => op.path));
  const cache = new Map<string, Json>();
  const get = async (url: string): Promise<Json> => {
    if (!cache.has(url)) {
      const response = await app.inject({ url, headers: session.headers });
      cache.set(url, response.statusCode === 200 ? response.json() : null);
    }
    return cache.get(url);
  };

  const segments = template.split('/');
  async function walk(index: number, prefix: string, params: Record<string, string>): Promise<ResolvedPath | null> {
    if (index >= segments.length) return { url: prefix, params };
    const segment = segments[index] as string;
    const param = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!param) return walk(index + 1, `${prefix}${index === 0 ? '' : '/'}${segment}`, params);

    const collectionName = segments[index - 1] as string;
    const parentUrl = prefix.slice(0, prefix.lastIndexOf('/'));
    const parentTemplate = template
      .split('/')
      .slice(0, index - 1)
      .join('/');
    const candidates: string[] = [];
    // A customer is addressed by the id `/me` answers (back-office routes about a customer).
    if (collectionName === 'customers') candidates.push(...idsOf([await get(`${API}/me`)]));
    if (gets.has(template.split('/').slice(0, index).join('/'))) {
      // A collection route: its items.
      const list = await get(prefix);
      candidates.push(...idsOf(((list as { items?: Json[] } | null)?.items ?? []) as Json[]));
    }
    if (candidates.length === 0 && gets.has(parentTemplate) && parentUrl.length > API.length) {
      // The parent resource embeds them.
      candidates.push(...idsOf(collectUnder(await get(parentUrl), namesFor(collectionName))));
    }
    if (candidates.length === 0) {
      // A sibling document under the same parent embeds one (e.g. the bank account's mandate).
      const siblings = [...gets].filter(
        (path) => path.startsWith(`${parentTemplate}/`) && !path.includes('{') && path.split('/').length === index,
      );
      for (const sibling of siblings)
        candidates.push(...idsOf(collectUnder(await get(sibling), namesFor(collectionName))));
    }
    for (const id of [...new Set(candidates)]) {
      const resolved = await walk(index + 1, `${prefix}/${id}`, { ...params, [param]: id });
      if (resolved) return resolved;
    }
    return null;
  }
  const found = await walk(0, '', {});
  return found && { params: found.params, url: fillPath(operation.path, found.params) };
}

/**
 * `.` and `..` cannot travel as a path parameter: URL resolution removes dot segments, encoded
 * (`%2E`) or not (RFC 3986 §5.2.4, WHATWG URL), so `/products/.` reaches `/products/`. Client
 * libraries send them the same way; generators leave them out and `fillPath` refuses them, so a
 * case always reaches the route it names.
 */
export const isDotSegment = (value: string) => value === '.' || value === '..';

/** `/api/v1/tickets/{id}` with `{ id }` → the URL, each value percent-encoded as clients do. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? '';
    if (isDotSegment(value)) throw new Error(`path parameter ${name} = "${value}" is a dot segment`);
    // A lone surrogate cannot be percent-encoded; it travels as the replacement character.
    const wellFormed = value.replace(/[\ud800-\udfff]/g, (char, index: number) =>
      /[\ud800-\udbff][\udc00-\udfff]/.test(value.slice(index - 1, index + 1)) ||
      /[\ud800-\udbff][\udc00-\udfff]/.test(value.slice(index, index + 2))
        ? char
        : '\ufffd',
    );
    return encodeURIComponent(wellFormed);
  });
}

/** A request body and headers that pass the route's validation, so what answers is the route itself. */
export function validRequestParts(contract: RouteContract, seed = 7) {
  return {
    payload: contract.body ? (sampleValid(contract.body, seed) as object) : undefined,
    headers: contract.headers ? (sampleValid(contract.headers, seed) as Record<string, string>) : {},
    query: contract.query ? (sampleValid(contract.query, seed) as Record<string, unknown>) : undefined,
  };
}
