import { teamRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import { onePage } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import {
  changeMemberRole,
  inviteMember,
  listTeam,
  removeMember,
  resendInvitation,
  setMfaRequirement,
  type TeamSettings,
} from './team.service';

/** Stammdaten › Team: who signs in for the customer account, in which role (ADR 0020). */
export default async function teamModule(app: FastifyInstance, { config }: { config: AppConfig }) {
  const settings: TeamSettings = { publicUrl: config.PUBLIC_URL, providerName: config.provider.name, now: app.now };

  registerRoute(app, teamRoutes.list, async (request) => ({
    status: 200,
    body: onePage(await listTeam(app.db, request.auth, app.now())),
  }));

  registerRoute(app, teamRoutes.invite, async (request) => ({
    status: 201,
    body: await inviteMember(app.db, settings, request.auth, request.body),
  }));

  registerRoute(app, teamRoutes.changeRole, async (request) => ({
    status: 200,
    body: await changeMemberRole(app.db, settings, request.auth, request.params.id, request.body.role),
  }));

  registerRoute(app, teamRoutes.resendInvitation, async (request) => ({
    status: 200,
    body: await resendInvitation(app.db, settings, request.auth, request.params.id),
  }));

  registerRoute(app, teamRoutes.setMfaRequirement, async (request) => ({
    status: 200,
    body: await setMfaRequirement(app.db, settings, request.auth, request.body.mfaRequired),
  }));

  // Registered last: the authorization matrix calls the routes in the document's order.
  registerRoute(app, teamRoutes.remove, async (request) => {
    await removeMember(app.db, settings, request.auth, request.params.id);
    return { status: 204, body: null };
  });
}
