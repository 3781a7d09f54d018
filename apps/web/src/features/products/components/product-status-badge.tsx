import type { TProductStatus } from '@portal/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { useMessages } from '../../../lib/i18n';
import { productsMessages } from '../messages';

const tones: Record<TProductStatus, BadgeTone> = {
  active: 'success',
  cancellation_pending: 'warning',
  ended: 'neutral',
};

export function ProductStatusBadge({ status }: { status: TProductStatus }) {
  const t = useMessages(productsMessages);
  return <Badge tone={tones[status]}>{t[`status_${status}`]}</Badge>;
}
