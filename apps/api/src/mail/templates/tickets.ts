import type { TLanguage, TTicketStatus } from '@portal/contracts';
import { defineTemplate } from '../template';

const statusNames: Record<TLanguage, Record<TTicketStatus, string>> = {
  de: {
    open: 'Offen',
    in_progress: 'In Bearbeitung',
    waiting_for_customer: 'Wartet auf Ihre Antwort',
    closed: 'Geschlossen',
  },
  en: { open: 'Open', in_progress: 'In progress', waiting_for_customer: 'Awaiting your reply', closed: 'Closed' },
};

export interface TicketMail {
  customerName: string;
  ticketNumber: number;
  subject: string;
  status: TTicketStatus;
  /** Absolute link to the ticket page in the portal. */
  link: string;
}

/** The staff answer goes into the mail as plain text; the mailer escapes it for the HTML part. */
export const ticketStaffReply = defineTemplate<TicketMail & { reply: string }>('ticket.staff_reply', {
  de: (p) => ({
    subject: `Neue Antwort zu Ihrem Ticket #${p.ticketNumber}: ${p.subject}`,
    addressee: p.customerName,
    paragraphs: [
      `unser Support-Team hat auf Ihr Ticket #${p.ticketNumber} „${p.subject}“ geantwortet:`,
      p.reply,
      `Status: ${statusNames.de[p.status]}. Antworten können Sie im Kundenportal: ${p.link}`,
    ],
  }),
  en: (p) => ({
    subject: `New reply to your ticket #${p.ticketNumber}: ${p.subject}`,
    addressee: p.customerName,
    paragraphs: [
      `Our support team has replied to your ticket #${p.ticketNumber} “${p.subject}”:`,
      p.reply,
      `Status: ${statusNames.en[p.status]}. You can reply in the customer portal: ${p.link}`,
    ],
  }),
});

export const ticketStatusChanged = defineTemplate<TicketMail>('ticket.status_changed', {
  de: (p) => ({
    subject: `Ihr Ticket #${p.ticketNumber}: ${statusNames.de[p.status]}`,
    addressee: p.customerName,
    paragraphs: [
      `der Status Ihres Tickets #${p.ticketNumber} „${p.subject}“ lautet jetzt: ${statusNames.de[p.status]}.`,
      `Einzelheiten finden Sie im Kundenportal: ${p.link}`,
    ],
  }),
  en: (p) => ({
    subject: `Your ticket #${p.ticketNumber}: ${statusNames.en[p.status]}`,
    addressee: p.customerName,
    paragraphs: [
      `The status of your ticket #${p.ticketNumber} “${p.subject}” is now: ${statusNames.en[p.status]}.`,
      `You will find the details in the customer portal: ${p.link}`,
    ],
  }),
});
