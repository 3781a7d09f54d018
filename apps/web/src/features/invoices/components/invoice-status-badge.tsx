import type { TInvoiceStatus } from '@portal/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../messages';

const tones: Record<TInvoiceStatus, BadgeTone> = {
  open: 'info',
  overdue: 'danger',
  paid: 'success',
  cancelled: 'neutral',
};

export function InvoiceStatusBadge({ status }: { status: TInvoiceStatus }) {
  const t = useMessages(invoiceMessages);
  return <Badge tone={tones[status]}>{t[`status_${status}`]}</Badge>;
}
