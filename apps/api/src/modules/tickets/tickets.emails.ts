import type { TTicketStatus } from '@portal/contracts';
import type { EmailMessage } from '../../mail/mailer';

// The customer's language is not stored, so ticket mails carry German first, then English.

const statusNames: Record<TTicketStatus, { de: string; en: string }> = {
  open: { de: 'Offen', en: 'Open' },
  in_progress: { de: 'In Bearbeitung', en: 'In progress' },
  waiting_for_customer: { de: 'Wartet auf Ihre Antwort', en: 'Waiting for your reply' },
  closed: { de: 'Geschlossen', en: 'Closed' },
};

interface TicketMailContext {
  to: string;
  customerName: string;
  ticketNumber: number;
  subject: string;
  status: TTicketStatus;
  /** Absolute link to the ticket page in the portal. */
  link: string;
}

/** The staff answer goes into the mail as plain text; the mailer escapes it for the HTML part. */
export function staffReplyEmail(context: TicketMailContext, reply: string): EmailMessage {
  const status = statusNames[context.status];
  return {
    to: context.to,
    subject: `Ticket #${context.ticketNumber}: neue Antwort / new reply – ${context.subject}`,
    template: 'ticket.staff_reply',
    paragraphs: [
      `Guten Tag ${context.customerName},`,
      `unser Support-Team hat auf Ihr Ticket #${context.ticketNumber} „${context.subject}“ geantwortet:`,
      reply,
      `Status: ${status.de}. Sie können im Kundenportal antworten: ${context.link}`,
      '—',
      `Our support team has replied to your ticket #${context.ticketNumber} "${context.subject}" (see above).`,
      `Status: ${status.en}. You can reply in the customer portal: ${context.link}`,
    ],
  };
}

export function statusChangedEmail(context: TicketMailContext): EmailMessage {
  const status = statusNames[context.status];
  return {
    to: context.to,
    subject: `Ticket #${context.ticketNumber}: ${status.de} / ${status.en}`,
    template: 'ticket.status_changed',
    paragraphs: [
      `Guten Tag ${context.customerName},`,
      `der Status Ihres Tickets #${context.ticketNumber} „${context.subject}“ ist jetzt: ${status.de}.`,
      `Details im Kundenportal: ${context.link}`,
      '—',
      `The status of your ticket #${context.ticketNumber} "${context.subject}" is now: ${status.en}.`,
      `Details in the customer portal: ${context.link}`,
    ],
  };
}
