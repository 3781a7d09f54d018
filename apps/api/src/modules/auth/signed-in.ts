import type { TSignedIn } from '@portal/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SessionRow, UserRow } from '../../db/schema/index';
import { findCustomer, findMembershipOf } from '../customers/customers.repository';
import { toMe } from './auth.service';

/**
 * The answer of every route that completes a sign-in (password, second step, passkey). One place
 * holds the token: the HttpOnly cookie (browsers) or the body (API clients asked for it).
 */
export async function signedInAnswer(
  app: FastifyInstance,
  reply: FastifyReply,
  user: UserRow,
  session: SessionRow,
  delivery: 'cookie' | 'bearer',
) {
  const bearer = delivery === 'bearer';
  const { token, expiresAt } = await app.issueAccessToken(
    reply,
    { sub: user.id, sid: session.id, role: user.role },
    !bearer,
  );
  reply.log.info({ userId: user.id, sessionId: session.id }, 'signed in');
  const membership = await findMembershipOf(app.db, user.id);
  const customer = membership ? ((await findCustomer(app.db, membership.customerId)) ?? null) : null;
  const body: TSignedIn = {
    customer: toMe(user, customer, membership?.role ?? null, await app.secondFactorSetupRequired(user, customer)),
    ...(bearer ? { accessToken: token } : {}),
    expiresAt: expiresAt.toISOString(),
  };
  return { status: 200 as const, body, headers: { 'cache-control': 'no-store' } };
}
