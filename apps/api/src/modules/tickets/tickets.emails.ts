import type { TTicketStatus } from '@portal/contracts';
import { salutation } from '../../mail/letter';
import type { EmailMessage } from '../../mail/mailer';

// Ticket mails are German, as every mail of the portal (mail/letter.ts).

const statusNames: Record<TTicketStatus, string> = {
  open: 'Offen',
  in_progress: 'In Bearbeitung',
  waiting_for_customer: 'Wartet auf Ihre Antwort',
  closed: 'Geschlossen',
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
  return {
    to: context.to,
    subject: `Neue Antwort zu Ihrem Ticket #${context.ticketNumber}: ${context.subject}`,
    template: 'ticket.staff_reply',
    paragraphs: [
      salutation(context.customerName),
      `unser Support-Team hat auf Ihr Ticket #${context.ticketNumber} „${context.subject}“ geantwortet:`,
      reply,
      `Status: ${statusNames[context.status]}. Antworten können Sie im Kundenportal: ${context.link}`,
    ],
  };
}

export function statusChangedEmail(context: TicketMailContext): EmailMessage {
  const status = statusNames[context.status];
  return {
    to: context.to,
    subject: `Ihr Ticket #${context.ticketNumber}: ${status}`,
    template: 'ticket.status_changed',
    paragraphs: [
      salutation(context.customerName),
      `der Status Ihres Tickets #${context.ticketNumber} „${context.subject}“ lautet jetzt: ${status}.`,
      `Einzelheiten finden Sie im Kundenportal: ${context.link}`,
    ],
  };
}
