import type { TTicketStatus } from '@portal/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { useMessages } from '../../../lib/i18n';
import { ticketMessages } from '../messages';

const tones: Record<TTicketStatus, BadgeTone> = {
  open: 'info',
  in_progress: 'neutral',
  waiting_for_customer: 'warning',
  closed: 'success',
};

export function TicketStatusBadge({ status }: { status: TTicketStatus }) {
  const t = useMessages(ticketMessages);
  return <Badge tone={tones[status]}>{t[`status_${status}`]}</Badge>;
}
