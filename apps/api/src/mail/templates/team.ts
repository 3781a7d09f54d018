import type { TLanguage, TMemberRole } from '@portal/contracts';
import { defineTemplate } from '../template';

/** What the invitation says a role may do, in the customer's words. */
const roleNames: Record<TLanguage, Record<TMemberRole, string>> = {
  de: {
    owner: 'Inhaber/in (alle Rechte, auch Team und Kontolöschung)',
    billing: 'Buchhaltung (Rechnungen, Zahlungen, Bankdaten)',
    technical: 'Technik (Produkte, Vertragsunterlagen, Tickets)',
    readonly: 'Nur lesen',
  },
  en: {
    owner: 'Owner (full rights, including team and account deletion)',
    billing: 'Accounting (invoices, payments, bank details)',
    technical: 'Technical (products, contract documents, tickets)',
    readonly: 'Read only',
  },
};

export interface TeamInvitation {
  name: string;
  inviterName: string;
  account: string;
  customerNumber: string;
  providerName: string;
  role: TMemberRole;
  validHours: number;
  link: string;
}

export const teamInvitation = defineTemplate<TeamInvitation>('team.invitation', {
  de: (p) => ({
    subject: `Einladung in das Kundenkonto ${p.account} bei ${p.providerName}`,
    addressee: p.name,
    paragraphs: [
      `${p.inviterName} hat Sie in das Kundenkonto „${p.account}“ (Kundennummer ${p.customerNumber}) im Kundenportal von ${p.providerName} eingeladen. Ihre Rolle: ${roleNames.de[p.role]}.`,
      `Bitte legen Sie mit diesem Link Ihr Passwort fest. Der Link ist ${p.validHours} Stunden gültig und kann nur einmal verwendet werden:`,
      p.link,
      'Falls Sie keine Einladung erwarten, können Sie diese E-Mail ignorieren: Ohne den Link entsteht kein Zugang.',
    ],
  }),
  en: (p) => ({
    subject: `Invitation to the customer account ${p.account} at ${p.providerName}`,
    addressee: p.name,
    paragraphs: [
      `${p.inviterName} has invited you to the customer account “${p.account}” (customer number ${p.customerNumber}) in the ${p.providerName} customer portal. Your role: ${roleNames.en[p.role]}.`,
      `Please set your password with the following link. It is valid for ${p.validHours} hours and can be used only once:`,
      p.link,
      'If you were not expecting an invitation, please disregard this e-mail: no access is created without the link.',
    ],
  }),
});
