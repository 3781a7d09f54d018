import type { TPayment } from '@portal/contracts';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../messages';

const tones = { pending: 'info', requires_action: 'warning', succeeded: 'success', failed: 'danger' } as const;

export function PaymentList({ payments }: { payments: TPayment[] }) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  if (payments.length === 0) return <p className="muted">{t.noPayments}</p>;
  return (
    <ul className="payment-list">
      {payments.map((payment) => (
        <li key={payment.id}>
          <span>{t[`method_${payment.method}`]}</span>
          <span>{formatMoney(payment.amount, language)}</span>
          <span className="muted small">{formatDateTime(payment.settledAt ?? payment.createdAt, language)}</span>
          <Badge tone={tones[payment.status]}>{t[`paymentStatus_${payment.status}`]}</Badge>
          {payment.test && <Badge tone="warning">{t.testPayment}</Badge>}
        </li>
      ))}
    </ul>
  );
}
