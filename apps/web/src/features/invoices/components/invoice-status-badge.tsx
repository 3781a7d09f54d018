import type { TInvoiceStatus, TInvoiceSummary } from '@portal/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { formatDate } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../messages';

const tones: Record<TInvoiceStatus, BadgeTone> = {
  open: 'info',
  overdue: 'danger',
  paid: 'success',
  cancelled: 'neutral',
};

type Shown = Pick<TInvoiceSummary, 'status' | 'directDebit' | 'dunningLevel'>;

/**
 * The invoice's state as the customer needs to read it: an unpaid invoice the bank is about to
 * collect says so with the date ("Lastschrift angekündigt für …", "Lastschrift eingereicht"), a
 * returned debit says "Rücklastschrift", a dunned one names the step.
 */
export function InvoiceStatusBadge({ invoice }: { invoice: Shown }) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const debit = invoice.directDebit;
  const unpaid = invoice.status === 'open' || invoice.status === 'overdue';
  if (unpaid && debit?.status === 'announced') {
    return <Badge tone="info">{t.debitAnnounced(formatDate(debit.collectionDate, language))}</Badge>;
  }
  if (unpaid && debit?.status === 'submitted') return <Badge tone="info">{t.debitSubmitted}</Badge>;
  const dunning = unpaid && invoice.dunningLevel ? ` · ${t.dunningLevel(invoice.dunningLevel)}` : '';
  if (unpaid && debit?.status === 'returned') {
    return (
      <Badge tone="danger">
        {t.debitReturned}
        {dunning}
      </Badge>
    );
  }
  return (
    <Badge tone={tones[invoice.status]}>
      {t[`status_${invoice.status}`]}
      {dunning}
    </Badge>
  );
}
