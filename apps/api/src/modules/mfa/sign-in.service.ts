import type { TAuthenticationCredential, TAuthenticationOptions } from '@portal/contracts';
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { AppError } from '../../lib/app-error';
import { openSession, type SignInMeta } from '../auth/auth.service';
import { findActiveUser } from '../auth/users.repository';
import { recordSecurityEvent } from '../security-log/security-log';
import { consumeSignInChallenge, findOpenSignInChallenge, saveWebauthnChallenge } from './challenges.repository';
import type { MfaContext } from './mfa.plugin';
import { listPasskeysOf } from './passkeys.repository';
import { verifyPasskeyAssertion } from './passkeys.service';
import { type CodeMethod, useSecondFactorCode } from './second-factor-code';

const stepEnded = () =>
  new AppError('unauthenticated', 'This sign-in has expired or was completed already. Sign in again.');
const passkeyRefused = () => new AppError('unauthenticated', 'The passkey could not be verified.');

/** The open second step a token names, with its user; 401 when it has expired or was used. */
async function openStep(ctx: MfaContext, challengeToken: string) {
  const challenge = await findOpenSignInChallenge(ctx.db, challengeToken, ctx.now());
  const user = challenge ? await findActiveUser(ctx.db, challenge.userId) : undefined;
  if (!challenge || !user) throw stepEnded();
  return { challenge, user };
}

type Delivery = 'cookie' | 'bearer';

/**
 * Completes a sign-in's second step with a code (TOTP or recovery code). A wrong code leaves the
 * step open until it expires; a right one uses it up, in the transaction that opens the session.
 */
export async function completeWithCode(
  ctx: MfaContext,
  input: { challengeToken: string; code: string; tokenDelivery?: Delivery | undefined },
  meta: SignInMeta,
) {
  const { challenge, user } = await openStep(ctx, input.challengeToken);
  try {
    const { session, method } = await ctx.codes.attempt(user.id, () =>
      ctx.db.transaction(async (tx) => {
        const used: CodeMethod = await useSecondFactorCode(ctx, tx, user.id, input.code, meta.origin);
        if (!(await consumeSignInChallenge(tx, challenge.id, ctx.now()))) throw stepEnded();
        const opened = await openSession(tx, user.id, meta, ctx.now());
        await recordSecurityEvent(tx, {
          type: 'sign_in.mfa_succeeded',
          userId: user.id,
          origin: meta.origin,
          details: { method: used },
        });
        return { session: opened, method: used };
      }),
    );
    return { user, session, method, delivery: input.tokenDelivery ?? challenge.tokenDelivery };
  } catch (error) {
    if (error instanceof AppError && error.code !== 'unauthenticated') {
      await recordSecurityEvent(ctx.db, {
        type: 'sign_in.mfa_failed',
        userId: user.id,
        origin: meta.origin,
        details: { method: 'code', reason: error.code === 'rate_limited' ? 'throttled' : 'wrong_code' },
      });
    }
    throw error;
  }
}

function authenticationOptions(
  ctx: MfaContext,
  allow: Array<{ credentialId: string; transports: string[] }>,
  userVerification: 'required' | 'discouraged',
) {
  return generateAuthenticationOptions({
    rpID: ctx.rp.id,
    allowCredentials: allow.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    userVerification,
    timeout: 300_000,
  }) as Promise<TAuthenticationOptions>;
}

/** Options for answering the second step with one of the user's passkeys. */
export async function startSecondFactorPasskey(ctx: MfaContext, challengeToken: string) {
  const { challenge, user } = await openStep(ctx, challengeToken);
  const passkeys = await listPasskeysOf(ctx.db, user.id);
  if (passkeys.length === 0) throw new AppError('conflict', 'This account has no passkey.');
  // The password was the first factor: possession of the passkey is the second, no PIN needed.
  const options = await authenticationOptions(ctx, passkeys, 'discouraged');
  await saveWebauthnChallenge(
    ctx.db,
    { challenge: options.challenge, purpose: 'authentication', userId: user.id, signInChallengeId: challenge.id },
    ctx.now(),
  );
  return options;
}

export async function completeWithPasskey(
  ctx: MfaContext,
  input: { challengeToken: string; credential: TAuthenticationCredential; tokenDelivery?: Delivery | undefined },
  meta: SignInMeta,
) {
  const { challenge, user } = await openStep(ctx, input.challengeToken);
  const session = await ctx.db.transaction(async (tx) => {
    const passkey = await verifyPasskeyAssertion(ctx, tx, input.credential, {
      userId: user.id,
      signInChallengeId: challenge.id,
      requireUserVerification: false,
    });
    if (!passkey) return undefined;
    if (!(await consumeSignInChallenge(tx, challenge.id, ctx.now()))) throw stepEnded();
    const opened = await openSession(tx, user.id, meta, ctx.now());
    await recordSecurityEvent(tx, {
      type: 'sign_in.mfa_succeeded',
      userId: user.id,
      origin: meta.origin,
      details: { method: 'passkey', passkeyId: passkey.id },
    });
    return opened;
  });
  if (!session) {
    await recordSecurityEvent(ctx.db, {
      type: 'sign_in.mfa_failed',
      userId: user.id,
      origin: meta.origin,
      details: { method: 'passkey' },
    });
    throw passkeyRefused();
  }
  return { user, session, delivery: input.tokenDelivery ?? challenge.tokenDelivery };
}

/** Options for signing in with a passkey alone: any discoverable credential of ours, with user verification. */
export async function startPasskeySignIn(ctx: MfaContext) {
  const options = await authenticationOptions(ctx, [], 'required');
  await saveWebauthnChallenge(
    ctx.db,
    { challenge: options.challenge, purpose: 'authentication', userId: null },
    ctx.now(),
  );
  return options;
}

/**
 * Signs in with a passkey alone. A passkey with user verification is two factors in itself (the
 * device and its PIN or biometric), so no second step follows, whether or not TOTP is on.
 */
export async function signInWithPasskey(ctx: MfaContext, credential: TAuthenticationCredential, meta: SignInMeta) {
  const result = await ctx.db.transaction(async (tx) => {
    const passkey = await verifyPasskeyAssertion(ctx, tx, credential, { userId: null, requireUserVerification: true });
    const user = passkey ? await findActiveUser(tx, passkey.userId) : undefined;
    if (!passkey || !user) return undefined;
    const session = await openSession(tx, user.id, meta, ctx.now());
    await recordSecurityEvent(tx, {
      type: 'sign_in.succeeded',
      userId: user.id,
      origin: meta.origin,
      details: { method: 'passkey', passkeyId: passkey.id },
    });
    return { user, session };
  });
  if (!result) {
    await recordSecurityEvent(ctx.db, {
      type: 'sign_in.failed',
      userId: null,
      origin: meta.origin,
      details: { reason: 'passkey' },
    });
    throw passkeyRefused();
  }
  return result;
}
