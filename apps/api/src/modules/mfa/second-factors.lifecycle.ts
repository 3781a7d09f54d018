import { passkeys, recoveryCodes, signInChallenges, totpFactors, webauthnChallenges } from '../../db/schema/index';
import type { DataLifecycle } from '../../lifecycle/data-lifecycle';
import { memberUserIds } from '../customers/customers.repository';
import { listPasskeysOf } from './passkeys.repository';
import { deleteSecondFactorsOf, findTotpFactor, recoveryCodeState } from './second-factors.repository';

/**
 * A user's second factors: the authenticator app, recovery codes, passkeys and the open sign-in
 * steps. The export names what is enrolled and never a secret, hash or key; deletion erases all
 * of it at once (a deleted account signs in no more); nothing is kept afterwards.
 */
export const secondFactorsLifecycle: DataLifecycle = {
  module: 'mfa',
  tables: [totpFactors, recoveryCodes, passkeys, signInChallenges, webauthnChallenges],
  keptAfterDeletion: [],
  async export(db, userId) {
    const [factor, codes, keys] = await Promise.all([
      findTotpFactor(db, userId),
      recoveryCodeState(db, userId),
      listPasskeysOf(db, userId),
    ]);
    return {
      secondFactors: {
        totp: factor?.confirmedAt ? { enabledAt: factor.confirmedAt.toISOString() } : null,
        recoveryCodes:
          factor?.confirmedAt && codes.generatedAt
            ? { remaining: codes.remaining, generatedAt: codes.generatedAt.toISOString() }
            : null,
        passkeys: keys.map((row) => ({
          id: row.id,
          name: row.name,
          createdAt: row.createdAt.toISOString(),
          lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
          backedUp: row.backedUp,
        })),
      },
    };
  },
  async erase(tx, customerId) {
    // Every member's factors: a deleted account signs in no more.
    await deleteSecondFactorsOf(tx, memberUserIds(tx, customerId));
  },
};
