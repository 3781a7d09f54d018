import type { TInvoiceStatus, TInvoiceSummary, TProductStatus, TTicketStatus } from '@portal/contracts';
import { formatDate } from '../../lib/format';
import { useLanguage, useMessages } from '../../lib/i18n';
import { Badge, type BadgeTone } from './badge';
import { statusMessages } from './status-messages';

/**
 * The status badges of invoices, tickets and contracts: one look and one word per status,
 * wherever a status is shown (its section, the overview, later the back office).
 */
const invoiceTones: Record<TInvoiceStatus, BadgeTone> = {
  open: 'info',
  overdue: 'danger',
  paid: 'success',
  cancelled: 'neutral',
};

const ticketTones: Record<TTicketStatus, BadgeTone> = {
  open: 'info',
  in_progress: 'neutral',
  waiting_for_customer: 'warning',
  closed: 'success',
};

const productTones: Record<TProductStatus, BadgeTone> = {
  active: 'success',
  cancellation_pending: 'warning',
  ended: 'neutral',
};

/** What an invoice badge reads; the direct debit and the dunning step only where they are known. */
export type ShownInvoice = Pick<TInvoiceSummary, 'status'> &
  Partial<Pick<TInvoiceSummary, 'directDebit' | 'dunningLevel'>>;

/**
 * The invoice's state as the customer needs to read it: an unpaid invoice the bank is about to
 * collect says so with the date ("Lastschrift angekündigt für …", "Lastschrift eingereicht"), a
 * returned debit says "Rücklastschrift", a dunned one names the step.
 */
export function InvoiceStatusBadge({ invoice }: { invoice: ShownInvoice }) {
  const t = useMessages(statusMessages);
  const { language } = useLanguage();
  const debit = invoice.directDebit;
  const unpaid = invoice.status === 'open' || invoice.status === 'overdue';
  if (unpaid && debit?.status === 'announced') {
    return <Badge tone="info">{t.debitAnnounced(formatDate(debit.collectionDate, language))}</Badge>;
  }
  if (unpaid && debit?.status === 'submitted') return <Badge tone="info">{t.debitSubmitted}</Badge>;
  const dunning = unpaid && invoice.dunningLevel ? ` · ${t.dunningLevel(invoice.dunningLevel)}` : '';
  const returned = unpaid && debit?.status === 'returned';
  return (
    <Badge tone={returned ? 'danger' : invoiceTones[invoice.status]}>
      {returned ? t.debitReturned : t[`invoice_${invoice.status}`]}
      {dunning}
    </Badge>
  );
}

export function TicketStatusBadge({ status }: { status: TTicketStatus }) {
  const t = useMessages(statusMessages);
  return <Badge tone={ticketTones[status]}>{t[`ticket_${status}`]}</Badge>;
}

export function ProductStatusBadge({ status }: { status: TProductStatus }) {
  const t = useMessages(statusMessages);
  return <Badge tone={productTones[status]}>{t[`product_${status}`]}</Badge>;
}
