import { mfaRoutes } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { onePage } from '../../lib/pagination';
import { registerRoute } from '../../lib/route';
import { passwordGuessLimit } from '../account/password-guess-limit';
import {
  deletePasskey,
  listPasskeys,
  registerPasskey,
  renamePasskey,
  startPasskeyRegistration,
} from './passkeys.service';
import {
  confirmTotpEnrolment,
  disableTotp,
  getSecondFactors,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './totp.service';

const noStore = { 'cache-control': 'no-store' };

/** Stammdaten › Sicherheit: the signed-in user's own authenticator app, recovery codes and passkeys. */
export default async function mfaModule(app: FastifyInstance) {
  const ctx = app.mfa;

  registerRoute(app, mfaRoutes.getSecondFactors, async (request) => ({
    status: 200,
    body: await getSecondFactors(ctx, request.auth.userId),
    headers: noStore,
  }));

  registerRoute(app, mfaRoutes.startTotpEnrolment, async (request) => ({
    status: 201,
    body: await startTotpEnrolment(ctx, request.auth.user),
    headers: noStore,
  }));

  registerRoute(app, mfaRoutes.confirmTotpEnrolment, async (request) => ({
    status: 200,
    body: { recoveryCodes: await confirmTotpEnrolment(ctx, request.auth.user, request.body.code, request.auth.origin) },
    headers: noStore,
  }));

  registerRoute(
    app,
    mfaRoutes.disableTotp,
    async (request) => {
      await disableTotp(ctx, request.auth.user, request.body, request.auth.origin);
      return { status: 204, body: null };
    },
    { rateLimit: passwordGuessLimit },
  );

  registerRoute(
    app,
    mfaRoutes.regenerateRecoveryCodes,
    async (request) => ({
      status: 200,
      body: {
        recoveryCodes: await regenerateRecoveryCodes(
          ctx,
          request.auth.user,
          request.body.password,
          request.auth.origin,
        ),
      },
      headers: noStore,
    }),
    { rateLimit: passwordGuessLimit },
  );

  registerRoute(app, mfaRoutes.listPasskeys, async (request) => ({
    status: 200,
    body: onePage(await listPasskeys(ctx, request.auth.userId)),
    headers: noStore,
  }));

  registerRoute(
    app,
    mfaRoutes.startPasskeyRegistration,
    async (request) => ({
      status: 200,
      body: { options: await startPasskeyRegistration(ctx, request.auth.user, request.body.password) },
      headers: noStore,
    }),
    { rateLimit: passwordGuessLimit },
  );

  // Needs a registration challenge, which the password opened.
  registerRoute(app, mfaRoutes.registerPasskey, async (request) => ({
    status: 201,
    body: await registerPasskey(ctx, request.auth.user, request.body, request.auth.origin),
  }));

  registerRoute(app, mfaRoutes.renamePasskey, async (request) => ({
    status: 200,
    body: await renamePasskey(ctx, request.auth.userId, request.params.id, request.body.name, request.auth.origin),
  }));

  registerRoute(app, mfaRoutes.deletePasskey, async (request) => {
    await deletePasskey(ctx, request.auth.userId, request.params.id, request.auth.origin);
    return { status: 204, body: null };
  });
}
