import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app';
import { sendEmail } from './mailer';
import { findEmailsTo } from './outbox.repository';

const ctx = useTestApp({ PUBLIC_URL: 'https://portal.example.net/', PROVIDER_NAME: 'Nord & Süd <GmbH>' });

describe('every e-mail', () => {
  it('ends with the provider and links to the Impressum and the privacy notice, escaped in HTML', async () => {
    const to = `footer-${Date.now()}@example.com`;
    await sendEmail(ctx.db, { to, subject: 'Test', template: 'test.footer', paragraphs: ['Hallo <b>Welt</b>'] });
    const [mail] = await findEmailsTo(ctx.db, to);
    expect(mail?.textBody).toContain('Impressum: https://portal.example.net/impressum');
    expect(mail?.textBody).toContain('Datenschutzhinweise: https://portal.example.net/datenschutz');
    expect(mail?.textBody).toMatch(
      /^Hallo <b>Welt<\/b>\n\nMit freundlichen Grüßen\nNord & Süd <GmbH>\n\n-- \nNord & Süd <GmbH> · /,
    );
    expect(mail?.htmlBody).toContain('<a href="https://portal.example.net/impressum">');
    expect(mail?.htmlBody).toContain('<a href="https://portal.example.net/datenschutz">');
    expect(mail?.htmlBody).toContain('Nord &amp; Süd &lt;GmbH&gt;');
    expect(mail?.htmlBody).not.toContain('<b>');
  });
});
