import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { sendEmail } from './mailer';
import { findEmailsTo } from './outbox.repository';
import { defineTemplate } from './template';

const ctx = useTestApp({ PUBLIC_URL: 'https://portal.example.net/', PROVIDER_NAME: 'Nord & Süd <GmbH>' });

const greeting = defineTemplate<{ text: string }>('test.footer', {
  de: ({ text }) => ({ subject: 'Test', addressee: 'Erika Mustermann', paragraphs: [text] }),
  en: ({ text }) => ({ subject: 'Test', addressee: 'Erika Mustermann', paragraphs: [text] }),
});

describe('every e-mail', () => {
  it('ends with the provider and links to the Impressum and the privacy notice, escaped in HTML', async () => {
    const to = `footer-${Date.now()}@example.com`;
    await sendEmail(ctx.db, { to, language: 'de', template: greeting, params: { text: 'Hallo <b>Welt</b>' } });
    const [mail] = await findEmailsTo(ctx.db, to);
    expect(mail?.template).toBe('test.footer');
    expect(mail?.textBody).toContain('Impressum: https://portal.example.net/impressum');
    expect(mail?.textBody).toContain('Datenschutzhinweise: https://portal.example.net/datenschutz');
    expect(mail?.textBody).toMatch(
      /^Guten Tag Erika Mustermann,\n\nHallo <b>Welt<\/b>\n\nMit freundlichen Grüßen\nNord & Süd <GmbH>\n\n-- \nNord & Süd <GmbH> · /,
    );
    expect(mail?.htmlBody).toContain('<html lang="de">');
    expect(mail?.htmlBody).toContain('<a href="https://portal.example.net/impressum">Impressum</a>');
    expect(mail?.htmlBody).toContain('<a href="https://portal.example.net/datenschutz">Datenschutzhinweise</a>');
    expect(mail?.htmlBody).toContain('Nord &amp; Süd &lt;GmbH&gt;');
    expect(mail?.htmlBody).not.toContain('<b>');
  });

  it('writes the letter around the text and the footer in English for an English recipient', async () => {
    const to = `footer-en-${Date.now()}@example.com`;
    await sendEmail(ctx.db, { to, language: 'en', template: greeting, params: { text: 'Hello' } });
    const [mail] = await findEmailsTo(ctx.db, to);
    expect(mail?.textBody).toMatch(/^Dear Erika Mustermann,\n\nHello\n\nKind regards\nNord & Süd <GmbH>\n\n-- \n/);
    expect(mail?.textBody).toContain('Legal notice: https://portal.example.net/impressum');
    expect(mail?.textBody).toContain('Privacy notice: https://portal.example.net/datenschutz');
    expect(mail?.htmlBody).toContain('<html lang="en">');
    expect(mail?.htmlBody).toContain('>Legal notice</a>');
  });
});
