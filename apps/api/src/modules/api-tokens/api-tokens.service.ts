import { createHash, randomBytes } from 'node:crypto';
import {
  isTokenScope,
  roleAllows,
  type TApiToken,
  type TApiTokenCreated,
  TOKEN_MAX_ACTIVE,
  TOKEN_MAX_DAYS,
  type TTokenScope,
} from '@portal/contracts';
import type { Database } from '../../db/client';
import type { ApiTokenRow } from '../../db/schema/index';
import { AppError } from '../../lib/app-error';
import { onePage } from '../../lib/pagination';
import { sendEmail } from '../../mail/mailer';
import { apiTokenCreated } from '../../mail/templates/security';
import type { AuthContext } from '../../plugins/auth';
import { recordSecurityEvent } from '../security-log/security-log';
import { countActiveTokens, insertApiToken, listActiveTokens, revokeApiToken } from './api-tokens.repository';

/** What marks a bearer token as a personal API token (an access token is a JWT, `ey…`). */
export const API_TOKEN_PREFIX = 'pat_';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored form: SHA-256 of the whole token. 256 random bits need no slow hash. */
export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function isApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}

function toApiToken(row: ApiTokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isTokenScope),
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The member may only hand a token what their own role allows; the expiry lies within a year. */
function checkRequest(auth: AuthContext, input: { scopes: TTokenScope[]; expiresAt: string }, now: Date) {
  const role = auth.memberRole;
  const expiresAt = new Date(input.expiresAt);
  const errors = [];
  if (!role || input.scopes.some((scope) => !roleAllows(role, scope))) {
    errors.push({ path: 'scopes', message: 'scopeBeyondRole' });
  }
  if (expiresAt.getTime() <= now.getTime()) errors.push({ path: 'expiresAt', message: 'expiryPast' });
  else if (expiresAt.getTime() > now.getTime() + TOKEN_MAX_DAYS * DAY_MS) {
    errors.push({ path: 'expiresAt', message: 'expiryTooLate' });
  }
  if (errors.length > 0) throw AppError.validation(errors);
  return expiresAt;
}

export async function listApiTokens(db: Database, auth: AuthContext, now: Date) {
  const rows = await listActiveTokens(db, auth.customerId, auth.userId, now);
  return onePage(rows.map(toApiToken));
}

/**
 * Creates a token for the signed-in member: shown once in the answer, stored as its hash, written
 * to the security log and announced by e-mail (a token made by someone else is noticed).
 */
export async function createApiToken(
  db: Database,
  auth: AuthContext,
  input: { name: string; scopes: TTokenScope[]; expiresAt: string },
  now: Date,
): Promise<TApiTokenCreated> {
  const expiresAt = checkRequest(auth, input, now);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    if ((await countActiveTokens(tx, auth.customerId, auth.userId, now)) >= TOKEN_MAX_ACTIVE) {
      throw new AppError('conflict', `At most ${TOKEN_MAX_ACTIVE} tokens can be active; revoke one first.`, {
        limit: TOKEN_MAX_ACTIVE,
      });
    }
    const row = await insertApiToken(tx, {
      customerId: auth.customerId,
      userId: auth.userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt,
    });
    await recordSecurityEvent(tx, {
      origin: auth.origin,
      type: 'api_token.created',
      userId: auth.userId,
      details: {
        prefix: row.prefix,
        name: row.name,
        scopes: row.scopes.join(' '),
        expiresAt: row.expiresAt.toISOString(),
      },
    });
    await sendEmail(tx, {
      to: auth.user.email,
      language: auth.user.language,
      template: apiTokenCreated,
      params: { name: auth.user.name, tokenName: row.name, prefix: row.prefix, scopes: row.scopes },
    });
    return { ...toApiToken(row), token };
  });
}

export async function revokeOwnApiToken(db: Database, auth: AuthContext, id: string, now: Date) {
  await db.transaction(async (tx) => {
    const row = await revokeApiToken(tx, auth.customerId, auth.userId, id, now);
    if (!row) throw AppError.notFound('token');
    await recordSecurityEvent(tx, {
      origin: auth.origin,
      type: 'api_token.revoked',
      userId: auth.userId,
      details: { prefix: row.prefix, name: row.name },
    });
  });
}
