import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TLegalText, ZImprint, ZPrivacyNotice } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { RETENTION_PERIODS } from '../../lib/retention-periods';
import { describePeriod } from './retention-texts';

const ctx = useTestApp({
  PROVIDER_NAME: 'Küstenstrom <Rechenzentrum> GmbH',
  PROVIDER_MANAGING_DIRECTORS: 'Anna Berg, Jan Möller',
  PROVIDER_REGISTER: 'Amtsgericht Kiel, HRB 999 KI',
  PROVIDER_VAT_ID: 'DE999999999',
  PROVIDER_EMAIL: 'info@kuestenstrom.example',
  PUBLIC_URL: 'https://portal.kuestenstrom.example',
});

/** Everything a reader sees of a text, as one string. */
function visibleText(text: TLegalText): string {
  return [
    text.title,
    ...text.blocks.map((block) =>
      block.type === 'heading'
        ? block.text
        : block.type === 'paragraph'
          ? block.content.map((span) => span.text).join('')
          : block.items.map((item) => item.map((span) => span.text).join('')).join('\n'),
    ),
  ].join('\n');
}

describe('GET /legal/imprint', () => {
  it('answers the Impressum from the PROVIDER_* settings in German and English without a session', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/legal/imprint' });
    expect(response.statusCode).toBe(200);
    const imprint = ZImprint.parse(response.json());
    expect(imprint.provider).toMatchObject({
      name: 'Küstenstrom <Rechenzentrum> GmbH',
      managingDirectors: 'Anna Berg, Jan Möller',
      register: 'Amtsgericht Kiel, HRB 999 KI',
      vatId: 'DE999999999',
    });
    expect(imprint.de.title).toBe('Impressum');
    expect(imprint.en.title).toBe('Imprint');
    for (const text of [imprint.de, imprint.en]) {
      const visible = visibleText(text);
      for (const value of ['Küstenstrom <Rechenzentrum> GmbH', 'Anna Berg, Jan Möller', 'HRB 999 KI', 'DE999999999']) {
        expect(visible).toContain(value);
      }
      expect(visible).toContain('§ 5 DDG');
    }
    expect(JSON.stringify(imprint.de)).toContain('"href":"mailto:info@kuestenstrom.example"');
  });
});

describe('GET /legal/privacy', () => {
  it('names categories, bases, recipients and every retention period the job applies', async () => {
    const response = await ctx.app.inject({ url: '/api/v1/legal/privacy' });
    expect(response.statusCode).toBe(200);
    const notice = ZPrivacyNotice.parse(response.json());
    expect(notice.source).toBe('default');
    const de = visibleText(notice.de);
    const en = visibleText(notice.en);
    for (const words of ['Art. 6 Abs. 1 lit. b DSGVO', 'Zahlungsdienstleister', 'Mail-Relay', 'Art. 77 DSGVO']) {
      expect(de).toContain(words);
    }
    for (const words of ['Art. 6(1)(b) GDPR', 'Payment provider', 'mail relay', 'Art. 77 GDPR']) {
      expect(en).toContain(words);
    }
    for (const period of Object.values(RETENTION_PERIODS)) {
      expect(de).toContain(describePeriod(period, 'de'));
      expect(en).toContain(describePeriod(period, 'en'));
      expect(de).toContain(period.basis);
    }
    expect(de).toContain('8 Jahre ab Ende des Kalenderjahres der Ausstellung');
    expect(en).toContain('180 days after the event');
  });
});

describe('LEGAL_PRIVACY_FILE', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'privacy-'));
  const file = path.join(dir, 'datenschutz.md');
  writeFileSync(
    file,
    '# Unsere Datenschutzerklärung\n\nText mit <script>alert(1)</script> und [Link](javascript:alert%281%29).\n\n## Rechte\n- Auskunft\n',
  );
  const fileCtx = useTestApp({ LEGAL_PRIVACY_FILE: file });

  it("replaces the default by the provider's Markdown, with HTML and unsafe links left as text", async () => {
    const response = await fileCtx.app.inject({ url: '/api/v1/legal/privacy' });
    expect(response.statusCode).toBe(200);
    const notice = ZPrivacyNotice.parse(response.json());
    expect(notice.source).toBe('file');
    expect(notice.de.title).toBe('Unsere Datenschutzerklärung');
    expect(notice.de.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'Text mit <script>alert(1)</script> und Link.' }] },
      { type: 'heading', level: 2, text: 'Rechte' },
      { type: 'list', ordered: false, items: [[{ text: 'Auskunft' }]] },
    ]);
    // Without an English file, English readers get the German text.
    expect(notice.en).toEqual(notice.de);
  });
});
