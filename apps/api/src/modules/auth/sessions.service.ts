import type { TSession } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { findActiveSessionsOf } from '../account/account.repository';
import { describeDevice } from '../account/rules/device';
import { type RequestOrigin, recordSecurityEvent } from '../security-log/security-log';
import { revokeSession } from './sessions.repository';

export async function listSessions(
  db: Database,
  auth: { userId: string; sessionId: string | null },
): Promise<TSession[]> {
  const rows = await findActiveSessionsOf(db, auth.userId);
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    userAgent: row.userAgent,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.id === auth.sessionId,
  }));
}

/** Ends one of the caller's sessions; a foreign, ended or unknown session is "not found". */
export async function endSession(db: Database, userId: string, sessionId: string, origin: RequestOrigin) {
  if (!(await revokeSession(db, userId, sessionId))) throw AppError.notFound('session');
  await recordSecurityEvent(db, { type: 'session.ended', userId, origin, details: { sessionId } });
}
