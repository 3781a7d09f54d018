import type { TDunningOverviewItem, TDunningState } from '@portal/contracts';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { today as todayOf } from '../../lib/calendar';
import { type Page, pageOf } from '../../lib/pagination';
import { findDunningOverview } from './dunning.repository';
import { type DunningStep, nextDunningStep } from './rules/dunning';

type Row = Awaited<ReturnType<typeof findDunningOverview>>[number];
type Cursor = { dueDate: string; number: string };

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

const encodeCursor = (row: Row) => Buffer.from(JSON.stringify([row.dueDate, row.number])).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const [dueDate, number] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[];
    if (typeof dueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && typeof number === 'string') {
      return { dueDate, number };
    }
  } catch {
    // Falls through to the field error below.
  }
  throw AppError.validation([{ path: 'query.cursor', message: 'is not a cursor of this list' }]);
}

/** One row as staff read it; the next step is the job's own rule (rules/dunning.ts), never a guess. */
function toItem(row: Row, steps: readonly DunningStep[], today: string): TDunningOverviewItem {
  const last = row.lastLevel && row.lastSentOn ? { level: row.lastLevel, sentOn: row.lastSentOn } : null;
  const next = row.stopSetAt ? null : nextDunningStep(steps, { dueDate: row.dueDate }, last);
  return {
    customer: { id: row.customerId, number: row.customerNumber, name: row.customerName, company: row.customerCompany },
    invoice: {
      id: row.invoiceId,
      number: row.number,
      dueDate: row.dueDate,
      total: row.grossCents,
      openAmount: row.grossCents - row.paidCents,
      currency: 'EUR',
    },
    daysOverdue: daysBetween(row.dueDate, today),
    level: row.lastLevel ?? 0,
    lastNoticeOn: row.lastSentOn,
    // A day already passed means the job's next run sends it.
    nextStep: next ? { level: next.level, dueOn: next.dueOn > today ? next.dueOn : today } : null,
    stop:
      row.stopSetAt && row.stopReason !== null
        ? {
            reason: row.stopReason,
            setAt: row.stopSetAt.toISOString(),
            setBy: row.stopSetBy && row.stopSetByName ? { id: row.stopSetBy, name: row.stopSetByName } : null,
          }
        : null,
  };
}

/** The back office's dunning overview: every customer's overdue invoices, oldest due date first. */
export async function listDunningOverview(
  db: Database,
  steps: readonly DunningStep[],
  query: {
    q?: string | undefined;
    status?: TDunningState | undefined;
    level?: number | undefined;
    limit: number;
    cursor?: string | undefined;
  },
  now = new Date(),
): Promise<Page<TDunningOverviewItem>> {
  const today = todayOf(now);
  const rows = await findDunningOverview(db, {
    q: query.q,
    stopped: query.status === undefined ? undefined : query.status === 'stopped',
    level: query.level,
    today,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const { rows: page, nextCursor, hasMore } = pageOf(rows, query.limit, encodeCursor);
  return { items: page.map((row) => toItem(row, steps, today)), nextCursor, hasMore };
}
