import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/client';
import { createSecretBox, type SecretBox } from '../../lib/secret-box';
import { purgeChallenges } from './challenges.repository';
import { type CodeThrottle, createCodeThrottle } from './code-throttle';

/** What the second-factor services need, built once per app. */
export interface MfaContext {
  db: Database;
  now: () => Date;
  /** Encrypts TOTP secrets under MFA_ENCRYPTION_KEY. */
  box: SecretBox;
  codes: CodeThrottle;
  /** Shown in the authenticator app and the passkey prompt. */
  issuer: string;
  /** The WebAuthn relying party: PUBLIC_URL's host name and origin. */
  rp: { id: string; origin: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    mfa: MfaContext;
  }
}

export default fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    const publicUrl = new URL(config.PUBLIC_URL);
    app.decorate('mfa', {
      db: app.db,
      now: app.now,
      box: createSecretBox(config.mfaEncryptionKey, 'totp-secret v1'),
      codes: createCodeThrottle(app.counters),
      issuer: config.provider.name,
      rp: { id: publicUrl.hostname, origin: publicUrl.origin },
    });
    app.jobs.register({
      name: 'auth.purge-challenges',
      intervalMs: 10 * 60_000,
      run: async () => {
        const purged = await purgeChallenges(app.db, app.now());
        app.log.info({ job: 'auth.purge-challenges', purged }, 'purged ended sign-in and passkey challenges');
      },
    });
  },
  { name: 'mfa', dependencies: ['database', 'security'] },
);
