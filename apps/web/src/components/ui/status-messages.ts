import { defineMessages } from '../../lib/i18n';

/** The words of the status badges (./status-badges.tsx). */
export const statusMessages = defineMessages({
  de: {
    invoice_open: 'Offen',
    invoice_overdue: 'Überfällig',
    invoice_paid: 'Bezahlt',
    invoice_cancelled: 'Storniert',
    debitAnnounced: (date: string) => `Lastschrift angekündigt für ${date}`,
    debitSubmitted: 'Lastschrift eingereicht',
    debitReturned: 'Rücklastschrift',
    dunningLevel: (level: number) => (level === 1 ? 'Zahlungserinnerung' : `${level - 1}. Mahnung`),
    ticket_open: 'Offen',
    ticket_in_progress: 'In Bearbeitung',
    ticket_waiting_for_customer: 'Wartet auf Ihre Antwort',
    ticket_closed: 'Geschlossen',
    product_active: 'Aktiv',
    product_cancellation_pending: 'Gekündigt',
    product_ended: 'Beendet',
  },
  en: {
    invoice_open: 'Open',
    invoice_overdue: 'Overdue',
    invoice_paid: 'Paid',
    invoice_cancelled: 'Cancelled',
    debitAnnounced: (date: string) => `Direct debit announced for ${date}`,
    debitSubmitted: 'Direct debit submitted',
    debitReturned: 'Direct debit returned',
    dunningLevel: (level: number) => (level === 1 ? 'Payment reminder' : `Reminder ${level - 1}`),
    ticket_open: 'Open',
    ticket_in_progress: 'In progress',
    ticket_waiting_for_customer: 'Waiting for your reply',
    ticket_closed: 'Closed',
    product_active: 'Active',
    product_cancellation_pending: 'Cancelled',
    product_ended: 'Ended',
  },
});
