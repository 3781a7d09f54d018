import { type TDeletionBlocker, ZDeletionBlocker } from '@portal/contracts';
import { Link } from 'react-router';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { useMessages } from '../../../lib/i18n';
import { dataMessages } from '../data-messages';

/** The `blockers` of a 409 answer, or null for any other error. */
export function blockersOf(error: unknown): TDeletionBlocker[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const parsed = z.array(ZDeletionBlocker).safeParse((error.problem as { blockers?: unknown }).blockers);
  return parsed.success ? parsed.data : null;
}

export function DeletionBlockers({ blockers }: { blockers: TDeletionBlocker[] }) {
  const t = useMessages(dataMessages);
  return (
    <Alert tone="warning" title={t.blockedTitle}>
      <p>{t.blockedIntro}</p>
      <ul>
        {blockers.map((blocker) => (
          <li key={`${blocker.kind}-${blocker.id}`}>
            {blocker.kind === 'contract' ? (
              <Link to={paths.product(blocker.id)}>{t.blockerContract(blocker.label)}</Link>
            ) : (
              <Link to={paths.invoice(blocker.id)}>{t.blockerInvoice(blocker.label)}</Link>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
