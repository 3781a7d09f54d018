import { apiTokenRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import { createApiToken, listApiTokens, revokeOwnApiToken } from './api-tokens.service';

/**
 * Stammdaten › API-Zugänge: the member's personal API tokens (ADR 0023). The routes are `self`:
 * a token can never list, create or revoke tokens; `plugins/auth.ts` accepts them as credentials.
 */
export default async function apiTokensModule(app: FastifyInstance) {
  registerRoute(app, apiTokenRoutes.list, async (request) => ({
    status: 200,
    body: await listApiTokens(app.db, request.auth, app.now()),
  }));

  registerRoute(app, apiTokenRoutes.create, async (request) => ({
    status: 201,
    body: await createApiToken(app.db, request.auth, request.body, app.now()),
  }));

  registerRoute(app, apiTokenRoutes.revoke, async (request) => {
    await revokeOwnApiToken(app.db, request.auth, request.params.id, app.now());
    return { status: 204, body: null };
  });
}
