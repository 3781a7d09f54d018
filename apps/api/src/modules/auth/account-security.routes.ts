import { accountRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { onePage } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import { passwordGuessLimit } from '../account/password-guess-limit';
import { changePassword } from './password.service';
import { endSession, listSessions } from './sessions.service';

const noStore = { 'cache-control': 'no-store' };

/** The signed-in user's password and sessions (Stammdaten › Sicherheit and › Sitzungen). */
export default async function accountSecurityModule(app: FastifyInstance) {
  registerRoute(
    app,
    accountRoutes.changePassword,
    async (request) => {
      await changePassword(app.db, request.auth, request.body);
      return { status: 204, body: null };
    },
    { rateLimit: passwordGuessLimit },
  );

  registerRoute(app, accountRoutes.listSessions, async (request) => ({
    status: 200,
    body: onePage(await listSessions(app.db, request.auth)),
    headers: noStore,
  }));

  registerRoute(app, accountRoutes.endSession, async (request) => {
    await endSession(app.db, request.auth.userId, request.params.id, request.auth.origin);
    return { status: 204, body: null };
  });
}
