import { randomUUID } from 'node:crypto';
import type { TLanguage } from '@portal/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../src/db/client';
import { type UserRow, users } from '../src/db/schema/index';
import { hashPassword } from '../src/lib/password';
import {
  type CustomerAccount,
  insertCustomerAccount,
  type NewCustomerValues,
} from '../src/modules/customers/customers.repository';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

type CustomerOverrides = Partial<NewCustomerValues> & {
  email?: string;
  password?: string;
  passwordHash?: string | null;
  disabledAt?: Date | null;
  /** The owner's language (default German). */
  language?: TLanguage;
};

/**
 * A customer account whose owner has a unique e-mail and a known password; every field can be
 * overridden. The owner's user id equals the customer id (ADR 0020).
 */
export async function createCustomer(db: Database, overrides: CustomerOverrides = {}): Promise<CustomerAccount> {
  const { password = TEST_PASSWORD, disabledAt, ...values } = overrides;
  const account = await insertCustomerAccount(db, {
    customerType: 'business',
    email: `customer-${randomUUID()}@example.com`,
    passwordHash: await hashPassword(password),
    name: 'Test Kunde',
    company: 'Test GmbH',
    street: 'Teststraße 1',
    postalCode: '24937',
    city: 'Flensburg',
    country: 'DE',
    ...values,
  });
  if (disabledAt === undefined) return account;
  await db.update(users).set({ disabledAt }).where(eq(users.id, account.userId));
  return { ...account, disabledAt };
}

export async function createStaff(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> & { password?: string } = {},
): Promise<UserRow> {
  const { password = TEST_PASSWORD, ...values } = overrides;
  const [row] = await db
    .insert(users)
    .values({
      role: 'staff',
      staffRole: 'admin',
      email: `staff-${randomUUID()}@example.com`,
      passwordHash: await hashPassword(password),
      name: 'Test Staff',
      ...values,
    })
    .returning();
  if (!row) throw new Error('createStaff returned nothing');
  return row;
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
export async function signedInCustomer(app: FastifyInstance, db: Database, overrides: CustomerOverrides = {}) {
  const user = await createCustomer(db, overrides);
  return { user, ...(await signIn(app, user.email, overrides.password)) };
}

export async function signedInStaff(
  app: FastifyInstance,
  db: Database,
  overrides: Parameters<typeof createStaff>[1] = {},
) {
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
