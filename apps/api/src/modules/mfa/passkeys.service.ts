import {
  mfaFieldMessages,
  type TAuthenticationCredential,
  type TPasskey,
  type TRegistrationCredential,
  type TRegistrationOptions,
} from '@portal/contracts';
import {
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { DbOrTx } from '../../db/client';
import type { PasskeyRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/password';
import { sendEmail } from '../../mail/mailer';
import { passkeyAdded } from '../../mail/templates/security';
import type { SessionUser } from '../auth/sessions.repository';
import { findActiveUser } from '../auth/users.repository';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { saveWebauthnChallenge, takeWebauthnChallenge } from './challenges.repository';
import type { MfaContext } from './mfa.plugin';
import {
  deletePasskeyOf,
  findPasskeyByCredentialId,
  insertPasskey,
  listPasskeysOf,
  recordPasskeyUse,
  renamePasskeyOf,
} from './passkeys.repository';

/** EdDSA, ES256, RS256: what platform authenticators, security keys and password managers make. */
const ALGORITHMS = [-8, -7, -257];

export const toPasskey = (row: PasskeyRow): TPasskey => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  backedUp: row.backedUp,
});

/** The WebAuthn user handle: the user id's 16 bytes, no personal data. */
export const userHandleOf = (userId: string) => Buffer.from(userId.replace(/-/g, ''), 'hex');

const notVerified = () => AppError.validation([{ path: 'credential', message: mfaFieldMessages.passkeyNotVerified }]);

export async function listPasskeys(ctx: MfaContext, userId: string) {
  return (await listPasskeysOf(ctx.db, userId)).map(toPasskey);
}

/** Options for adding a passkey; the password first, so that a borrowed session cannot add its own. */
export async function startPasskeyRegistration(
  ctx: MfaContext,
  user: SessionUser,
  password: string,
): Promise<TRegistrationOptions> {
  if (!(await verifyPassword((await findActiveUser(ctx.db, user.id))?.passwordHash, password)))
    throw AppError.validation([{ path: 'password', message: mfaFieldMessages.passwordWrong }]);
  const existing = await listPasskeysOf(ctx.db, user.id);
  const options = await generateRegistrationOptions({
    rpName: ctx.issuer,
    rpID: ctx.rp.id,
    userName: user.email,
    userID: userHandleOf(user.id),
    userDisplayName: user.name,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports })),
    // A discoverable credential: it signs in without an e-mail address typed first.
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    supportedAlgorithmIDs: ALGORITHMS,
    timeout: 300_000,
  });
  await saveWebauthnChallenge(
    ctx.db,
    { challenge: options.challenge, purpose: 'registration', userId: user.id },
    ctx.now(),
  );
  return options as TRegistrationOptions;
}

/** Checks the authenticator's answer to our registration challenge and stores the passkey. */
export async function registerPasskey(
  ctx: MfaContext,
  user: SessionUser,
  input: { name: string; credential: TRegistrationCredential },
  origin: RequestOrigin,
): Promise<TPasskey> {
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.credential,
      expectedChallenge: async (challenge) =>
        (await takeWebauthnChallenge(ctx.db, challenge, { purpose: 'registration', userId: user.id }, ctx.now())) !==
        undefined,
      expectedOrigin: ctx.rp.origin,
      expectedRPID: ctx.rp.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch {
    throw notVerified();
  }
  if (!verified.verified) throw notVerified();
  const { credential, credentialBackedUp } = verified.registrationInfo;
  return ctx.db.transaction(async (tx) => {
    const row = await insertPasskey(tx, {
      userId: user.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      signCount: credential.counter,
      transports: (credential.transports ?? input.credential.response.transports ?? []).slice(0, 10),
      name: input.name,
      backedUp: credentialBackedUp,
      createdAt: ctx.now(),
    });
    if (!row) throw new AppError('conflict', 'This passkey is already registered.');
    await recordSecurityEvent(tx, {
      type: 'passkey.added',
      userId: user.id,
      origin,
      details: { passkeyId: row.id, name: row.name },
    });
    await sendEmail(tx, {
      // No customerId: the outbox finds the customer the address's user is a member of.
      to: user.email,
      language: user.language,
      template: passkeyAdded,
      params: { name: user.name, passkeyName: row.name },
    });
    return toPasskey(row);
  });
}

export async function renamePasskey(ctx: MfaContext, userId: string, id: string, name: string, origin: RequestOrigin) {
  return ctx.db.transaction(async (tx) => {
    const row = await renamePasskeyOf(tx, userId, id, name);
    if (!row) throw AppError.notFound('passkey');
    await recordSecurityEvent(tx, { type: 'passkey.renamed', userId, origin, details: { passkeyId: id, name } });
    return toPasskey(row);
  });
}

export async function deletePasskey(ctx: MfaContext, userId: string, id: string, origin: RequestOrigin) {
  await ctx.db.transaction(async (tx) => {
    const row = await deletePasskeyOf(tx, userId, id);
    if (!row) throw AppError.notFound('passkey');
    await recordSecurityEvent(tx, {
      type: 'passkey.removed',
      userId,
      origin,
      details: { passkeyId: id, name: row.name },
    });
  });
}

/**
 * Verifies an authenticator's answer to one of our authentication challenges (`scope`) for a
 * stored passkey, and records its use. Answers the passkey, or undefined when anything is off: an
 * unknown credential, a foreign or used challenge, a bad signature, a signature counter that did
 * not grow (a cloned authenticator), or — with `requireUserVerification` — no PIN or biometric.
 */
export async function verifyPasskeyAssertion(
  ctx: MfaContext,
  tx: DbOrTx,
  credential: TAuthenticationCredential,
  scope: { userId: string | null; signInChallengeId?: string; requireUserVerification: boolean },
): Promise<PasskeyRow | undefined> {
  const passkey = await findPasskeyByCredentialId(tx, credential.id);
  if (!passkey || (scope.userId !== null && passkey.userId !== scope.userId)) return undefined;
  // A discoverable credential names its user; it must be the passkey's.
  const handle = credential.response.userHandle;
  if (handle !== undefined && handle !== userHandleOf(passkey.userId).toString('base64url')) return undefined;
  try {
    const result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: async (challenge) =>
        (await takeWebauthnChallenge(
          tx,
          challenge,
          { purpose: 'authentication', userId: scope.userId, signInChallengeId: scope.signInChallengeId ?? null },
          ctx.now(),
        )) !== undefined,
      expectedOrigin: ctx.rp.origin,
      expectedRPID: ctx.rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.signCount,
        transports: passkey.transports,
      },
      requireUserVerification: scope.requireUserVerification,
    });
    if (!result.verified) return undefined;
    const { newCounter, credentialBackedUp } = result.authenticationInfo;
    if (!(await recordPasskeyUse(tx, passkey.id, newCounter, credentialBackedUp, ctx.now()))) return undefined;
    return passkey;
  } catch {
    return undefined;
  }
}
