import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { signedInCustomer, TEST_PASSWORD } from '../../test/factories';
import {
  sendCancellationConfirmation,
  sendDeclarationNotice,
  sendDeclarationRejection,
  sendPublicDeclarationReceipt,
} from '../modules/products/cancellation-emails';
import { staffReplyEmail, statusChangedEmail } from '../modules/tickets/tickets.emails';
import { sendEmail } from './mailer';
import { findEmailsTo } from './outbox.repository';

const ctx = useTestApp({ PUBLIC_URL: 'https://portal.example.net', PROVIDER_NAME: 'Nordwind Rechenzentren GmbH' });

const receivedAt = new Date('2026-12-02T04:32:25.958Z');
let counter = 0;
const address = (template: string) => `${template}-${Date.now()}-${counter++}@example.com`;

/** Each template as the customer receives it, German only, rendered once through the outbox. */
const templates: Array<[string, (to: string) => Promise<unknown>]> = [
  [
    'cancellation.confirmed',
    (to) =>
      sendCancellationConfirmation(ctx.db, {
        to,
        customerName: 'Erika Mustermann',
        productName: 'Rack B-07',
        contractNumber: 'V-100001',
        type: 'ordinary',
        reason: null,
        receivedAt,
        effectiveDate: '2027-01-31',
        channel: 'public_form',
      }),
  ],
  [
    'cancellation.public-receipt',
    (to) =>
      sendPublicDeclarationReceipt(ctx.db, {
        reference: 'K-2026-000042',
        type: 'extraordinary',
        reason: 'Umzug des Rechenzentrums',
        name: 'Mustermann Hosting GmbH',
        customerNumber: '10001',
        email: to,
        contract: 'V-100001',
        requestedEndDate: null,
        receivedAt,
      }),
  ],
  [
    'cancellation.declaration-notice',
    (to) =>
      sendDeclarationNotice(ctx.db, {
        to,
        customerName: 'Erika Mustermann',
        reference: 'K-2026-000042',
        type: 'ordinary',
        receivedAt,
        contract: { number: 'V-100001', productName: 'Rack B-07' },
        customerNumber: '10001',
      }),
  ],
  [
    'cancellation.declaration-rejected',
    (to) =>
      sendDeclarationRejection(ctx.db, {
        to,
        name: 'Mustermann Hosting GmbH',
        reference: 'K-2026-000042',
        receivedAt,
        reason: 'Die Vertragsnummer gehört zu keinem Vertrag des Absenders.',
      }),
  ],
  [
    'ticket.staff_reply',
    (to) =>
      sendEmail(
        ctx.db,
        staffReplyEmail(
          {
            to,
            customerName: 'Erika Mustermann',
            ticketNumber: 100042,
            subject: 'Server antwortet nicht',
            status: 'waiting_for_customer',
            link: 'https://portal.example.net/contact/tickets/1',
          },
          'Wir haben den Switch-Port neu gestartet. Bitte prüfen Sie, ob der Server wieder erreichbar ist.',
        ),
      ),
  ],
  [
    'ticket.status_changed',
    (to) =>
      sendEmail(
        ctx.db,
        statusChangedEmail({
          to,
          customerName: 'Erika Mustermann',
          ticketNumber: 100042,
          subject: 'Server antwortet nicht',
          status: 'closed',
          link: 'https://portal.example.net/contact/tickets/1',
        }),
      ),
  ],
];

describe('e-mail templates', () => {
  it.each(templates)('%s reads as a German letter: salutation, dates for a person, closing', async (template, send) => {
    const to = address(template);
    await send(to);
    const [mail] = await findEmailsTo(ctx.db, to);
    expect(mail?.template).toBe(template);
    const text = mail?.textBody ?? '';
    expect(text).toMatch(/^(Guten Tag Erika Mustermann,|Sehr geehrte Damen und Herren,)\n/);
    expect(text).toContain('Mit freundlichen Grüßen\nNordwind Rechenzentren GmbH');
    // No raw timestamps, no English paragraph.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}(T|\b)/);
    expect(text).not.toMatch(/\b(We|we|the|your|has been|received)\b/);
    expect(`Betreff: ${mail?.subject}\n\n${text}`).toMatchSnapshot();
  });

  it('gives the time of receipt to the second in German local time', async () => {
    const to = address('receipt-time');
    await (templates[1]?.[1] ?? (async () => undefined))(to);
    const [mail] = await findEmailsTo(ctx.db, to);
    expect(mail?.textBody).toContain('Eingang: 2. Dezember 2026, 05:32:25 Uhr (MEZ)');
  });
});

describe('e-mail templates of the account, sent through the routes', () => {
  /** The text with what changes per run (addresses, tokens, numbers) replaced by placeholders. */
  const stable = (text: string, email: string) =>
    text
      .replaceAll(email, '<E-Mail>')
      .replace(/token=[A-Za-z0-9_-]+/g, 'token=<Token>')
      .replace(/\b\d{5}\b/g, '<Nummer>')
      .replace(/K\d+-[A-Z0-9-]+/g, '<Mandatsreferenz>');

  it('password changed, reset link and mandate read as German letters', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db, { name: 'Erika Mustermann', company: null });
    const email = customer.user.email;
    const put = (url: string, payload: object) =>
      ctx.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: customer.bearer, payload });
    expect(
      (await put('/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'Nordwind weht über Flensburg' }))
        .statusCode,
    ).toBe(204);
    await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    expect(
      (await put('/account/bank-account', { accountHolder: 'Erika Mustermann', iban: 'DE89 3704 0044 0532 0130 00' }))
        .statusCode,
    ).toBe(200);
    const mails = await findEmailsTo(ctx.db, email);
    const templates = mails.map((mail) => mail.template).sort();
    expect(templates).toEqual(['account.password.changed', 'account.password.reset', 'account.mandate.issued'].sort());
    for (const mail of mails) {
      const text = mail.textBody ?? '';
      expect(text).toMatch(/^Guten Tag Erika Mustermann,\n/);
      expect(text).toContain('Mit freundlichen Grüßen\nNordwind Rechenzentren GmbH');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    const byTemplate = Object.fromEntries(
      [...mails]
        .sort((a, b) => a.template.localeCompare(b.template))
        .map((mail) => [mail.template, `Betreff: ${mail.subject}\n\n${stable(mail.textBody ?? '', email)}`]),
    );
    expect(byTemplate).toMatchSnapshot();
  });
});
