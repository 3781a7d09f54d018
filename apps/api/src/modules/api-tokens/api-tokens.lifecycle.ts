import { eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { allTokensOf, purgeEndedTokens } from './api-tokens.repository';

/** How long an ended (revoked or expired) token stays listed in the export and the database. */
const ENDED_TOKEN_DAYS = 90;

/**
 * Personal API tokens: credentials, not records the provider must keep. Exported without their
 * hashes, deleted with the account, and 90 days after they ended (like sessions).
 */
export const apiTokensLifecycle: DataLifecycle = {
  module: 'api-tokens',
  tables: [apiTokens],
  keptAfterDeletion: [],
  async export(db, customerId) {
    const rows = await allTokensOf(db, customerId);
    return {
      apiTokens: rows.map((row) => ({
        id: row.id,
        userId: row.userId,
        name: row.name,
        scopes: row.scopes,
        prefix: row.prefix,
        createdAt: row.createdAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
        revokedAt: row.revokedAt?.toISOString() ?? null,
      })),
    };
  },
  async erase(tx, customerId) {
    await tx.delete(apiTokens).where(eq(apiTokens.customerId, customerId));
  },
  async purge(db, { now }) {
    return purgeEndedTokens(db, new Date(now.getTime() - ENDED_TOKEN_DAYS * 24 * 60 * 60 * 1000));
  },
};
