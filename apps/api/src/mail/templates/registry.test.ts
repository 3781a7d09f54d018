import { ZLanguage } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { type MailLayout, renderEmail } from '../mailer';
import type { MailTemplate } from '../template';
import * as account from './account';
import * as cancellation from './cancellation';
import * as collection from './collection';
import * as customerAccount from './customer-account';
import * as invoices from './invoices';
import { mailTemplates } from './registry';
import * as security from './security';
import * as team from './team';
import * as tickets from './tickets';

const footer: MailLayout = {
  providerName: 'Nordwind Rechenzentren GmbH',
  providerAddress: 'Am Windpark 1, 25917 Enge-Sande',
  imprintUrl: 'https://portal.example.net/impressum',
  privacyUrl: 'https://portal.example.net/datenschutz',
};

type Registry = typeof mailTemplates;
type ParamsOf<T> = T extends MailTemplate<infer P> ? P : never;

const receivedAt = new Date('2026-12-02T04:32:25.958Z');
const payee = { name: 'Nordwind Rechenzentren GmbH', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' };
const debit = {
  amountCents: 123456,
  collectionDate: '2027-01-15',
  mandateReference: 'K10001-2026-4F2A9C01B3',
  iban: 'DE89370400440532013000',
  creditorId: 'DE98ZZZ09999999999',
  invoiceNumber: 'RE-2026-000042',
};
const dunning = {
  name: 'Mustermann Hosting GmbH',
  invoiceNumber: 'RE-2026-000042',
  issueDate: '2026-11-01',
  dueDate: '2026-11-15',
  openCents: 123456,
  feeCents: 4000,
  payBy: '2026-12-16',
  payee,
};

/** Parameters for every template: a template without an example here is a type error. */
const examples: { [K in keyof Registry]: ParamsOf<Registry[K]> } = {
  passwordChanged: { name: 'Erika Mustermann' },
  passwordResetLink: { name: 'Erika Mustermann', link: 'https://portal.example.net/reset-password?token=abc' },
  passwordSet: { name: 'Erika Mustermann' },
  emailChangeConfirm: { name: 'Erika Mustermann', link: 'https://portal.example.net/confirm-email?token=abc' },
  emailChangeNotice: { name: 'Erika Mustermann', newEmail: 'erika@example.org' },
  emailChanged: { name: 'Erika Mustermann', newEmail: 'erika@example.org' },
  customerWelcome: {
    name: 'Mustermann Hosting GmbH',
    providerName: 'Nordwind Rechenzentren GmbH',
    customerNumber: '10001',
    link: 'https://portal.example.net/reset-password?token=abc&welcome=1',
  },
  staffWelcome: {
    name: 'Sam Support',
    providerName: 'Nordwind Rechenzentren GmbH',
    link: 'https://portal.example.net/reset-password?token=abc&welcome=1',
  },
  apiTokenCreated: {
    name: 'Erika Mustermann',
    tokenName: 'Monitoring',
    prefix: 'pat_Ab12Cd',
    scopes: ['invoices:read', 'products:read'],
  },
  passkeyAdded: { name: 'Erika Mustermann', passkeyName: 'YubiKey 5' },
  totpEnabled: { name: 'Erika Mustermann' },
  totpDisabled: { name: 'Erika Mustermann' },
  contractChanged: {
    customerName: 'Mustermann Hosting GmbH',
    contractNumber: 'V-100001',
    productName: 'Rack B-07',
    effectiveDate: '2027-02-01',
    before: { priceCents: 49_000, billingInterval: 'monthly', minimumTermMonths: 12, noticePeriodMonths: 3 },
    after: { priceCents: 52_500, billingInterval: 'monthly', minimumTermMonths: 12, noticePeriodMonths: 1 },
    reason: 'Gestiegene Strompreise im Rechenzentrum',
  },
  contractEndedByProvider: {
    customerName: 'Erika Mustermann',
    contractNumber: 'V-100002',
    productName: 'Cloud-Server M',
    endDate: '2027-03-31',
    reason: 'Das Produkt wird nicht mehr angeboten.',
  },
  contractEndMoved: {
    customerName: 'Erika Mustermann',
    contractNumber: 'V-100002',
    productName: 'Cloud-Server M',
    previousEndDate: '2027-03-31',
    endDate: '2027-06-30',
    reason: 'Auf Ihren Wunsch verlängert bis zum Umzug.',
    movedOn: '2026-12-02',
  },
  contractChangeCancelled: {
    customerName: 'Mustermann Hosting GmbH',
    contractNumber: 'V-100001',
    productName: 'Rack B-07',
    effectiveDate: '2027-02-01',
  },
  teamInvitation: {
    name: 'Berta Buchhaltung',
    inviterName: 'Erika Mustermann',
    account: 'Mustermann Hosting GmbH',
    customerNumber: '10001',
    providerName: 'Nordwind Rechenzentren GmbH',
    role: 'billing',
    validHours: 72,
    link: 'https://portal.example.net/reset-password?token=abc&welcome=1',
  },
  mandateIssued: {
    name: 'Mustermann Hosting GmbH',
    providerName: 'Nordwind Rechenzentren GmbH',
    maskedIban: 'DE89 **** **** 3000',
    reference: 'K10001-2026-4F2A9C01B3',
    creditorId: 'DE98ZZZ09999999999',
  },
  accountDeleted: {
    kept: [
      { category: 'invoices', unit: 'yearsFromEndOfYear', amount: 8, from: 'issue', basis: '§147 AO, §14b UStG' },
      { category: 'securityLog', unit: 'days', amount: 180, from: 'occurrence', basis: 'Art. 6 Abs. 1 lit. f DSGVO' },
    ],
  },
  cancellationConfirmed: {
    customerName: 'Erika Mustermann',
    productName: 'Rack B-07',
    contractNumber: 'V-100001',
    type: 'ordinary',
    reason: null,
    receivedAt,
    effectiveDate: '2027-01-31',
    askIfNotYou: true,
  },
  publicDeclarationReceipt: {
    reference: 'K-2026-000042',
    type: 'extraordinary',
    reason: 'Umzug des Rechenzentrums',
    name: 'Mustermann Hosting GmbH',
    customerNumber: '10001',
    contract: 'V-100001',
    requestedEndDate: null,
    receivedAt,
  },
  declarationNotice: {
    customerName: 'Erika Mustermann',
    reference: 'K-2026-000042',
    type: 'ordinary',
    receivedAt,
    contract: { number: 'V-100001', productName: 'Rack B-07' },
    customerNumber: '10001',
  },
  declarationRejected: {
    name: 'Mustermann Hosting GmbH',
    reference: 'K-2026-000042',
    receivedAt,
    reason: 'Die Vertragsnummer gehört zu keinem Vertrag des Absenders.',
  },
  ticketStaffReply: {
    customerName: 'Erika Mustermann',
    ticketNumber: 100042,
    subject: 'Server antwortet nicht',
    status: 'waiting_for_customer',
    link: 'https://portal.example.net/contact/tickets/1',
    reply: 'Wir haben den Switch-Port neu gestartet. <b>Bitte prüfen</b> Sie, ob der Server wieder erreichbar ist.',
  },
  ticketStatusChanged: {
    customerName: 'Erika Mustermann',
    ticketNumber: 100042,
    subject: 'Server antwortet nicht',
    status: 'closed',
    link: 'https://portal.example.net/contact/tickets/1',
  },
  invoiceIssued: {
    name: 'Mustermann Hosting GmbH',
    number: 'RE-2026-000042',
    grossCents: 123456,
    dueDate: '2027-01-31',
    debit,
  },
  invoiceCorrected: {
    name: 'Mustermann Hosting GmbH',
    number: 'RE-2026-000043',
    originalNumber: 'RE-2026-000042',
    amountCents: 11900,
  },
  invoiceCancelled: { name: 'Mustermann Hosting GmbH', number: 'RE-2026-000044', originalNumber: 'RE-2026-000042' },
  paymentReceived: { name: 'Mustermann Hosting GmbH', number: 'RE-2026-000042', grossCents: 123456 },
  debitPreNotification: { ...debit, name: 'Mustermann Hosting GmbH' },
  debitReturned: {
    name: 'Mustermann Hosting GmbH',
    invoiceNumber: 'RE-2026-000042',
    amountCents: 123456,
    reason: 'AM04',
    feeCents: 350,
    mandateSuspended: true,
    payee,
  },
  debitWithdrawn: {
    name: 'Mustermann Hosting GmbH',
    invoiceNumber: 'RE-2026-000042',
    reason: 'mandate_invalid',
    payee,
  },
  paymentReminder: { ...dunning, feeCents: 0 },
  firstDunningNotice: dunning,
  secondDunningNotice: dunning,
  mandateExpired: { name: 'Mustermann Hosting GmbH', reference: 'K10001-2023-4F2A9C01B3' },
};

const languages = ZLanguage.options;
const names = Object.keys(mailTemplates) as Array<keyof Registry>;
const render = (name: keyof Registry, language: (typeof languages)[number]) =>
  renderEmail(mailTemplates[name] as MailTemplate<unknown>, examples[name], language, footer);

/** Words that only one of the two languages uses: a sentence left in the other language shows. */
const foreign = {
  de: /\b(the|your|you|we|has been|please|invoice|and)\b/i,
  en: /\b(Sie|Ihre?|Ihnen|wir|und|der|die|das|bitte|Rechnung)\b/,
};

describe('the template registry', () => {
  it('holds every template the template modules define', () => {
    const defined = [account, cancellation, collection, customerAccount, invoices, security, team, tickets]
      .flatMap((module) => Object.values(module))
      .filter(
        (value): value is MailTemplate<unknown> => typeof value === 'object' && value !== null && 'render' in value,
      );
    const registered = new Set(Object.values(mailTemplates));
    expect(defined.filter((template) => !registered.has(template)).map((template) => template.name)).toEqual([]);
  });

  it.each(names)('%s exists in every portal language, and the languages differ', (name) => {
    expect(Object.keys(mailTemplates[name].render).sort()).toEqual([...languages].sort());
    const [de, en] = languages.map((language) => render(name, language));
    expect(de?.text).not.toBe(en?.text);
    expect(de?.subject).not.toBe(en?.subject);
  });
});

describe.each(languages)('every e-mail in %s', (language) => {
  it.each(names)('%s reads as a letter: salutation, dates and amounts for a person, closing, footer', (name) => {
    const mail = render(name, language);
    expect(mail.paragraphs[0]).toMatch(
      language === 'de' ? /^(Guten Tag [^,]+,|Sehr geehrte Damen und Herren,)$/ : /^(Dear [^,]+,|Dear Sir or Madam,)$/,
    );
    expect(mail.paragraphs.at(-1)).toBe(
      `${language === 'de' ? 'Mit freundlichen Grüßen' : 'Kind regards'}\nNordwind Rechenzentren GmbH`,
    );
    expect(mail.text).toContain(
      language === 'de'
        ? 'Impressum: https://portal.example.net/impressum'
        : 'Legal notice: https://portal.example.net/impressum',
    );
    expect(mail.html).toContain(`<html lang="${language}">`);
    // No raw timestamps or ISO dates, no amount in cents.
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The letter's own sentences are in its language (quoted customer text is German in the examples).
    const ownText = mail.paragraphs.filter((paragraph) => !Object.values(examples[name]).includes(paragraph));
    expect(
      `${mail.subject}\n${ownText.join('\n')}`.replace(/„[^“]*“|“[^”]*”|Begründung: .*|Grund: .*|Reason: .*/g, ''),
    ).not.toMatch(foreign[language]);
    expect(`${language === 'de' ? 'Betreff' : 'Subject'}: ${mail.subject}\n\n${mail.text}`).toMatchSnapshot();
  });
});

describe('the HTML part', () => {
  it('escapes every value and names the footer links in the language', () => {
    const en = render('ticketStaffReply', 'en');
    expect(en.html).toContain('&lt;b&gt;Bitte prüfen&lt;/b&gt;');
    expect(en.html).not.toContain('<b>');
    expect(en.html).toContain('>Legal notice</a>');
    expect(en.html).toContain('>Privacy notice</a>');
    const de = render('ticketStaffReply', 'de');
    expect(de.html).toContain('>Impressum</a>');
    expect(de.html).toContain('>Datenschutzhinweise</a>');
  });

  it('greets a company with the formal greeting and a person by name', () => {
    expect(render('customerWelcome', 'de').paragraphs[0]).toBe('Sehr geehrte Damen und Herren,');
    expect(render('customerWelcome', 'en').paragraphs[0]).toBe('Dear Sir or Madam,');
    expect(render('passwordChanged', 'de').paragraphs[0]).toBe('Guten Tag Erika Mustermann,');
    expect(render('passwordChanged', 'en').paragraphs[0]).toBe('Dear Erika Mustermann,');
  });

  it('uses the genitive in German ("Ihrer ordentlichen Kündigung")', () => {
    expect(render('cancellationConfirmed', 'de').text).toContain('Eingang Ihrer ordentlichen Kündigung');
  });
});
