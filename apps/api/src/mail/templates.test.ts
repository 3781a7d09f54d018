import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { signedInCustomer, signedInStaff, TEST_PASSWORD } from '../../test/factories';
import { openTicketAs } from '../../test/tickets';
import { findEmailsTo } from './outbox.repository';

// Every template in both languages is snapshotted in templates/registry.test.ts; here real flows
// show that each mail goes out in its recipient's language.
const ctx = useTestApp({ PUBLIC_URL: 'https://portal.example.net', PROVIDER_NAME: 'Nordwind Rechenzentren GmbH' });

/** The text with what changes per run (addresses, tokens, numbers) replaced by placeholders. */
const stable = (text: string, email: string) =>
  text
    .replaceAll(email, '<E-Mail>')
    .replace(/token=[A-Za-z0-9_-]+/g, 'token=<Token>')
    .replace(/\b\d{5}\b/g, '<Nummer>')
    .replace(/K\d+-[A-Z0-9-]+/g, '<Mandatsreferenz>');

async function accountMailsOf(language: 'de' | 'en') {
  const customer = await signedInCustomer(ctx.app, ctx.db, { name: 'Erika Mustermann', company: null });
  const email = customer.user.email;
  const put = (url: string, payload: object) =>
    ctx.app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: customer.bearer, payload });
  expect((await put('/me/language', { language })).statusCode).toBe(204);
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
  expect(mails.map((mail) => mail.template).sort()).toEqual(
    ['account.password.changed', 'account.password.reset', 'account.mandate.issued'].sort(),
  );
  return { mails, email };
}

describe('e-mails of the account, sent through the routes', () => {
  it('password changed, reset link and mandate read as German letters for a German user', async () => {
    const { mails, email } = await accountMailsOf('de');
    for (const mail of mails) {
      expect(mail.textBody).toMatch(/^Guten Tag Erika Mustermann,\n/);
      expect(mail.textBody).toContain('Mit freundlichen Grüßen\nNordwind Rechenzentren GmbH');
      expect(mail.htmlBody).toContain('<html lang="de">');
    }
    const byTemplate = Object.fromEntries(
      [...mails]
        .sort((a, b) => a.template.localeCompare(b.template))
        .map((mail) => [mail.template, `Betreff: ${mail.subject}\n\n${stable(mail.textBody ?? '', email)}`]),
    );
    expect(byTemplate).toMatchSnapshot();
  });

  it('the same mails go out in English once the user has switched the portal to English', async () => {
    const { mails, email } = await accountMailsOf('en');
    for (const mail of mails) {
      expect(mail.textBody).toMatch(/^Dear Erika Mustermann,\n/);
      expect(mail.textBody).toContain('Kind regards\nNordwind Rechenzentren GmbH');
      expect(mail.textBody).toContain('Legal notice: https://portal.example.net/impressum');
      expect(mail.textBody).not.toMatch(/Guten Tag|Mit freundlichen Grüßen|Impressum:/);
      expect(mail.htmlBody).toContain('<html lang="en">');
    }
    const reset = mails.find((mail) => mail.template === 'account.password.reset');
    expect(reset?.subject).toBe('Reset your password');
    const byTemplate = Object.fromEntries(
      [...mails]
        .sort((a, b) => a.template.localeCompare(b.template))
        .map((mail) => [mail.template, `Subject: ${mail.subject}\n\n${stable(mail.textBody ?? '', email)}`]),
    );
    expect(byTemplate).toMatchSnapshot();
  });

  it('a staff reply to a ticket reaches an English customer in English, a German one in German', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const english = await signedInCustomer(ctx.app, ctx.db, { name: 'Erika Mustermann', language: 'en' });
    const german = await signedInCustomer(ctx.app, ctx.db, { name: 'Max Mustermann' });
    for (const customer of [english, german]) {
      const ticket = await openTicketAs(ctx.app, customer.bearer);
      const reply = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/tickets/${ticket.id}/messages`,
        headers: staff.bearer,
        payload: { body: 'Der Port ist wieder aktiv.' },
      });
      expect(reply.statusCode, reply.body).toBe(201);
    }
    const [toEnglish] = await findEmailsTo(ctx.db, english.user.email);
    expect(toEnglish?.subject).toMatch(/^New reply to your ticket #\d+: Server antwortet nicht$/);
    expect(toEnglish?.textBody).toMatch(/^Dear Erika Mustermann,\n\nOur support team has replied to your ticket/);
    expect(toEnglish?.textBody).toContain('Status: Awaiting your reply.');
    const [toGerman] = await findEmailsTo(ctx.db, german.user.email);
    expect(toGerman?.textBody).toMatch(/^Guten Tag Max Mustermann,\n\nunser Support-Team hat auf Ihr Ticket/);
  });
});

describe('e-mails from public forms', () => {
  it('answer in the language the form was filled in, German when none is given', async () => {
    const submit = (email: string, language?: 'de' | 'en') =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/cancellations',
        payload: {
          type: 'ordinary',
          name: 'Mustermann Hosting GmbH',
          email,
          contract: 'V-999999',
          ...(language ? { language } : {}),
        },
      });
    const english = `public-en-${Date.now()}@example.com`;
    const german = `public-de-${Date.now()}@example.com`;
    expect((await submit(english, 'en')).statusCode).toBe(202);
    expect((await submit(german)).statusCode).toBe(202);
    const [receiptEn] = await findEmailsTo(ctx.db, english);
    expect(receiptEn?.subject).toMatch(/^Acknowledgement of receipt of your notice of termination \(K-[A-Z0-9]+\)$/);
    expect(receiptEn?.textBody).toMatch(/^Dear Sir or Madam,\n\nWe have received your notice of termination\./);
    expect(receiptEn?.textBody).toMatch(
      /Received: \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2} \(CES?T, Berlin time\)/,
    );
    const [receiptDe] = await findEmailsTo(ctx.db, german);
    expect(receiptDe?.textBody).toMatch(
      /^Sehr geehrte Damen und Herren,\n\nwir haben Ihre Kündigungserklärung erhalten\./,
    );
  });
});

describe('e-mails to people invited or created by others', () => {
  const address = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const post = (url: string, headers: Record<string, string>, payload: object) =>
    ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });

  it('a team invitation goes out in the language asked for, else in the inviting member’s', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db, { name: 'Erika Mustermann' });
    const english = address('invited-en');
    const invited = await post('/account/team', owner.bearer, {
      email: english,
      name: 'Berta Buchhaltung',
      role: 'billing',
      language: 'en',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [invitation] = await findEmailsTo(ctx.db, english);
    expect(invitation?.subject).toMatch(/^Invitation to the customer account /);
    expect(invitation?.textBody).toMatch(/^Dear Berta Buchhaltung,\n\nErika Mustermann has invited you/);
    expect(invitation?.textBody).toContain('Your role: Accounting (invoices, payments, bank details).');

    const german = address('invited-de');
    expect(
      (await post('/account/team', owner.bearer, { email: german, name: 'Max', role: 'readonly' })).statusCode,
    ).toBe(201);
    expect((await findEmailsTo(ctx.db, german))[0]?.subject).toMatch(/^Einladung in das Kundenkonto /);

    // The inviting member now works in English: so does the next invitation.
    const put = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/me/language',
      headers: owner.bearer,
      payload: { language: 'en' },
    });
    expect(put.statusCode).toBe(204);
    const following = address('invited-follows');
    expect(
      (await post('/account/team', owner.bearer, { email: following, name: 'Tom', role: 'technical' })).statusCode,
    ).toBe(201);
    expect((await findEmailsTo(ctx.db, following))[0]?.textBody).toMatch(/^Dear Tom,/);
  });

  it('the welcome to a customer the back office creates goes out in the language staff chose', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'admin' });
    const email = address('welcome-en');
    const created = await post('/admin/customers', staff.bearer, {
      email,
      name: 'Erika Mustermann',
      customerType: 'business',
      language: 'en',
    });
    expect(created.statusCode, created.body).toBe(201);
    const [welcome] = await findEmailsTo(ctx.db, email);
    expect(welcome?.subject).toBe('Welcome to the Nordwind Rechenzentren GmbH customer portal');
    expect(welcome?.textBody).toMatch(/^Dear Erika Mustermann,\n\nA customer account with the customer number \d+/);
  });
});
