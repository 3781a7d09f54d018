import { accountRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { registerRoute } from '../../lib/route';
import { originOf } from '../security-log/security-log';
import { passwordGuessLimit } from './password-guess-limit';
import { confirmEmailChange, getProfile, saveProfile } from './profile.service';

const noStore = { 'cache-control': 'no-store' };

/**
 * Stammdaten: customer data and the e-mail change (export and deletion: account-data.routes.ts;
 * password and sessions: modules/auth; bank data: modules/bank-account).
 */
export default async function accountModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  registerRoute(app, accountRoutes.getProfile, async (request) => ({
    status: 200,
    body: await getProfile(app.db, request.auth),
    headers: noStore,
  }));

  registerRoute(
    app,
    accountRoutes.updateProfile,
    async (request) => ({
      status: 200,
      body: await saveProfile(app.db, request.auth, request.body, config.PUBLIC_URL),
    }),
    { rateLimit: passwordGuessLimit, currentVersion: (request) => getProfile(app.db, request.auth) },
  );

  registerRoute(
    app,
    accountRoutes.confirmEmail,
    async (request) => {
      await confirmEmailChange(app.db, request.body.token, originOf(request));
      return { status: 204, body: null };
    },
    { rateLimit: { max: 20, timeWindow: '1 minute' } },
  );
}
