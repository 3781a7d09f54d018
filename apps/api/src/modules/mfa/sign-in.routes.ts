import { authRoutes } from '@portal/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import type { SignInMeta } from '../auth/auth.service';
import { signedInAnswer } from '../auth/signed-in';
import { originOf } from '../security-log/security-log';
import {
  completeWithCode,
  completeWithPasskey,
  signInWithPasskey,
  startPasskeySignIn,
  startSecondFactorPasskey,
} from './sign-in.service';

/** The second step of a sign-in, and signing in with a passkey alone (public: no session yet). */
export default async function mfaSignInModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  // Per client address, as the password step; per user, the code throttle (code-throttle.ts).
  const rateLimit = { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };
  const meta = (request: FastifyRequest): SignInMeta => ({
    userAgent: request.headers['user-agent'] ?? null,
    ipAddress: request.ip,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    origin: originOf(request),
  });
  const noStore = { 'cache-control': 'no-store' };

  registerRoute(
    app,
    authRoutes.completeSecondFactor,
    async (request, reply) => {
      const done = await completeWithCode(app.mfa, request.body, meta(request));
      return signedInAnswer(app, reply, done.user, done.session, done.delivery);
    },
    { rateLimit },
  );

  registerRoute(
    app,
    authRoutes.startSecondFactorPasskey,
    async (request) => ({
      status: 200,
      body: { options: await startSecondFactorPasskey(app.mfa, request.body.challengeToken) },
      headers: noStore,
    }),
    { rateLimit },
  );

  registerRoute(
    app,
    authRoutes.completeSecondFactorPasskey,
    async (request, reply) => {
      const done = await completeWithPasskey(app.mfa, request.body, meta(request));
      return signedInAnswer(app, reply, done.user, done.session, done.delivery);
    },
    { rateLimit },
  );

  registerRoute(
    app,
    authRoutes.startPasskeySignIn,
    async () => ({ status: 200, body: { options: await startPasskeySignIn(app.mfa) }, headers: noStore }),
    { rateLimit },
  );

  registerRoute(
    app,
    authRoutes.signInWithPasskey,
    async (request, reply) => {
      const done = await signInWithPasskey(app.mfa, request.body.credential, meta(request));
      return signedInAnswer(app, reply, done.user, done.session, request.body.tokenDelivery);
    },
    { rateLimit },
  );
}
