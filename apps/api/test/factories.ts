import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../src/db/client';
import { type UserRow, users } from '../src/db/schema/index';
import { hashPassword } from '../src/lib/password';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

type UserOverrides = Partial<typeof users.$inferInsert> & { password?: string };

/** A customer with a unique e-mail and a known password; every field can be overridden. */
export async function createCustomer(db: Database, overrides: UserOverrides = {}): Promise<UserRow> {
  const { password = TEST_PASSWORD, ...values } = overrides;
  const [row] = await db
    .insert(users)
    .values({
      role: 'customer',
      customerType: 'business',
      customerNumber: sql`nextval('customer_number_seq')::text`,
      email: `customer-${randomUUID()}@example.com`,
      passwordHash: await hashPassword(password),
      name: 'Test Kunde',
      company: 'Test GmbH',
      street: 'Teststraße 1',
      postalCode: '24937',
      city: 'Flensburg',
      country: 'DE',
      ...values,
    })
    .returning();
  if (!row) throw new Error('createCustomer returned nothing');
  return row;
}

export async function createStaff(db: Database, overrides: UserOverrides = {}): Promise<UserRow> {
  return createCustomer(db, {
    role: 'staff',
    staffRole: 'admin',
    customerNumber: null,
    customerType: null,
    name: 'Test Staff',
    company: null,
    ...overrides,
  });
}

export interface SignedIn {
  token: string;
  /** The `cookie` request header value of the session cookie. */
  cookie: string;
  /** Headers for an API consumer's request. */
  bearer: { authorization: string };
}

/**
 * Signs in as the browser does (cookie only). The cookie's value is the session's JWT, so the
 * same session also serves as a bearer token for the API-consumer side of a test.
 */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(response.statusCode, response.body).toBe(200);
  const [session] = response.cookies;
  if (!session) throw new Error('sign-in set no session cookie');
  const token = session.value;
  return { token, cookie: `${session.name}=${token}`, bearer: { authorization: `Bearer ${token}` } };
}

/** A new customer, signed in: the usual start of a route test. */
export async function signedInCustomer(app: FastifyInstance, db: Database, overrides: UserOverrides = {}) {
  const user = await createCustomer(db, overrides);
  return { user, ...(await signIn(app, user.email, overrides.password)) };
}

export async function signedInStaff(app: FastifyInstance, db: Database, overrides: UserOverrides = {}) {
  const user = await createStaff(db, overrides);
  return { user, ...(await signIn(app, user.email)) };
}

/** Asserts an RFC 9457 answer with the given status and code, and returns the problem. */
export function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code?: string,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const problem = response.json() as { status: number; code: string; requestId: string };
  expect(problem.status).toBe(status);
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  if (code) expect(problem.code).toBe(code);
  return problem as {
    status: number;
    code: string;
    requestId: string;
    detail?: string;
    errors?: Array<{ path: string; message: string }>;
  } & Record<string, unknown>;
}
