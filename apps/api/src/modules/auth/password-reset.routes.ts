import { passwordResetRoutes } from '@portal/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { originOf } from '../security-log/security-log';
import { confirmPasswordReset, requestPasswordReset } from './password.service';
import { clearSignInThrottle } from './sign-in-throttle';

/** Per address and per client: stops both mail bombing one inbox and guessing from one host. */
const byEmailAndIp = (request: FastifyRequest) => {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `password-reset:${request.ip}:${email}`;
};

export default async function passwordResetModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  // Looking the address up and mailing happen after the answer: a known address would otherwise
  // answer measurably later than an unknown one. Shutdown waits for the work in flight.
  const inFlight = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(inFlight);
  });

  registerRoute(
    app,
    passwordResetRoutes.request,
    async (request) => {
      const work: Promise<void> = requestPasswordReset(app.db, request.body.email, config.PUBLIC_URL)
        .catch((error: unknown) => request.log.error({ err: error }, 'password reset request failed'))
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
      return { status: 202, body: {} };
    },
    {
      rateLimit: {
        max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
        timeWindow: '15 minutes',
        keyGenerator: byEmailAndIp,
        hook: 'preHandler',
      },
    },
  );

  registerRoute(
    app,
    passwordResetRoutes.confirm,
    async (request) => {
      const { email } = await confirmPasswordReset(app.db, request.body, originOf(request));
      await clearSignInThrottle(app.counters, email);
      return { status: 204, body: null };
    },
    { budget: app.hashBudget, rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
  );
}
