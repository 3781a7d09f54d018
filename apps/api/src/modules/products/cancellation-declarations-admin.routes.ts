import { cancellationDeclarationRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute } from '../../lib/route';
import {
  linkDeclaration,
  listDeclarations,
  recordReceivedCancellation,
  rejectDeclaration,
} from './cancellation-declarations.service';

/** Back office: the review queue of §312k declarations, and cancellations that came by post or e-mail. */
export default async function cancellationDeclarationsAdminModule(app: FastifyInstance) {
  registerRoute(app, cancellationDeclarationRoutes.list, async (request) => ({
    status: 200,
    body: await listDeclarations(app.db, request.query),
  }));

  registerRoute(app, cancellationDeclarationRoutes.link, async (request) => ({
    status: 200,
    body: await linkDeclaration(app.db, request.auth, request.params.id, request.body.productId),
  }));

  registerRoute(app, cancellationDeclarationRoutes.reject, async (request) => ({
    status: 200,
    body: await rejectDeclaration(app.db, request.auth, request.params.id, request.body.reason),
  }));

  registerRoute(app, cancellationDeclarationRoutes.record, async (request) => ({
    status: 201,
    body: await recordReceivedCancellation(app.db, request.auth, request.body),
  }));
}
