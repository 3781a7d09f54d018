import type { TInvoiceEvent } from '@portal/contracts';
import { statusMessages } from '../../../components/ui/status-messages';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../messages';

/** Every step of the invoice: issued, direct debit announced, submitted, collected or returned, payments, reminders. */
export function InvoiceHistory({ events }: { events: TInvoiceEvent[] }) {
  const t = useMessages(invoiceMessages);
  const status = useMessages(statusMessages);
  const { language } = useLanguage();
  const date = (value: string) => formatDate(value, language);
  const money = (cents: number) => formatMoney(cents, language);
  const text = (event: TInvoiceEvent): string => {
    switch (event.type) {
      case 'issued':
        return t.eventIssued;
      case 'debit_announced':
        return t.eventDebitAnnounced(money(event.amount), date(event.collectionDate));
      case 'debit_submitted':
        return t.eventDebitSubmitted(date(event.collectionDate));
      case 'debit_collected':
        return t.eventDebitCollected(money(event.amount));
      case 'debit_returned':
        return t.eventDebitReturned(
          !event.reason
            ? '–'
            : t.returnReason(event.reason) === event.reason
              ? event.reason
              : `${t.returnReason(event.reason)}, ${event.reason}`,
          event.fee > 0 ? money(event.fee) : null,
        );
      case 'debit_withdrawn':
        return t.eventDebitWithdrawn;
      case 'payment_received':
        return t.eventPaymentReceived(money(event.amount), t[`method_${event.method}`]);
      case 'reminder':
        return t.eventReminder(status.dunningLevel(event.level), event.fee > 0 ? money(event.fee) : null);
    }
  };
  return (
    <ol className="invoice-history">
      {events.map((event, index) => (
        // Events have no identity of their own; the history only grows at its end.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>
          <time dateTime={event.date}>{date(event.date)}</time> <span>{text(event)}</span>
        </li>
      ))}
    </ol>
  );
}
