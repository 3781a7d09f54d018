import { authRoutes, type TMe } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { fixedAnswer } from '../../lib/etag';
import { registerRoute } from '../../lib/route';
import { type AuthContext, sessionOf } from '../../plugins/auth';
import { originOf, recordSecurityEvent } from '../security-log/security-log';
import { signIn, toMe } from './auth.service';
import { revokeSession } from './sessions.repository';
import { createSignInThrottle } from './sign-in-throttle';
import { signedInAnswer } from './signed-in';
import { setUserLanguage } from './users.repository';

/**
 * `/me` of the callers the session cache holds: their rows are frozen and replaced on any change,
 * never changed, so the answer is built (and tagged) once per cache entry (#19). Any other caller,
 * or a changed customer, member role or second-factor state, gets a fresh answer.
 */
const answers = new WeakMap<object, { from: Omit<MeSource, 'user'>; me: TMe }>();
type MeSource = Pick<AuthContext, 'user' | 'customer' | 'memberRole' | 'secondFactorSetupRequired'>;

function meOf({ user, customer, memberRole, secondFactorSetupRequired }: MeSource): TMe {
  const known = answers.get(user);
  if (
    known &&
    known.from.customer === customer &&
    known.from.memberRole === memberRole &&
    known.from.secondFactorSetupRequired === secondFactorSetupRequired
  ) {
    return known.me;
  }
  const me = toMe(user, customer, memberRole, secondFactorSetupRequired);
  if (!Object.isFrozen(user)) return me;
  answers.set(user, { from: { customer, memberRole, secondFactorSetupRequired }, me: fixedAnswer(me) });
  return me;
}

export default async function authModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  // Per address: the route's limit below. Per (account, address) and per account: failures only.
  const signInThrottle = createSignInThrottle(
    app.counters,
    config.LOGIN_ACCOUNT_FAILURES_BEFORE_SLOWDOWN,
    config.LOGIN_FIRST_DELAY_SECONDS * 1000,
  );

  registerRoute(
    app,
    authRoutes.login,
    async (request, reply) => {
      const result = await signInThrottle.attempt(request.body.email, request.ip, () =>
        signIn(app.db, {
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
          ipAddress: request.ip,
          sessionTtlHours: config.SESSION_TTL_HOURS,
          origin: originOf(request),
          now: app.now(),
        }),
      );
      if (result.kind === 'second_factor') {
        // No session, no token, no cookie: only the token of the second step.
        return {
          status: 200,
          body: {
            mfaRequired: true as const,
            challengeToken: result.challenge.token,
            expiresAt: result.challenge.expiresAt.toISOString(),
            methods: result.methods,
          },
          headers: { 'cache-control': 'no-store' },
        };
      }
      return signedInAnswer(app, reply, result.user, result.session, request.body.tokenDelivery);
    },
    { budget: app.hashBudget, rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
  );

  registerRoute(app, authRoutes.logout, async (request, reply) => {
    await revokeSession(app.db, request.auth.userId, sessionOf(request.auth));
    await recordSecurityEvent(app.db, { type: 'sign_out', userId: request.auth.userId, origin: request.auth.origin });
    app.clearSessionCookie(reply);
    return { status: 204, body: null };
  });

  // From the session cache: answered at once, without a promise (#19).
  registerRoute(app, authRoutes.me, (request) => ({ status: 200, body: meOf(request.auth) }));

  // Only the caller's own row: the route takes no user id.
  registerRoute(app, authRoutes.setMyLanguage, async (request) => {
    await setUserLanguage(app.db, request.auth.userId, request.body.language);
    return { status: 204, body: null };
  });
}
