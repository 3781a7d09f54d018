import type { TInvoiceStatus, TProductStatus, TTicketStatus } from '@portal/contracts';
import { useMessages } from '../../lib/i18n';
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

export function InvoiceStatusBadge({ status }: { status: TInvoiceStatus }) {
  const t = useMessages(statusMessages);
  return <Badge tone={invoiceTones[status]}>{t[`invoice_${status}`]}</Badge>;
}

export function TicketStatusBadge({ status }: { status: TTicketStatus }) {
  const t = useMessages(statusMessages);
  return <Badge tone={ticketTones[status]}>{t[`ticket_${status}`]}</Badge>;
}

export function ProductStatusBadge({ status }: { status: TProductStatus }) {
  const t = useMessages(statusMessages);
  return <Badge tone={productTones[status]}>{t[`product_${status}`]}</Badge>;
}
