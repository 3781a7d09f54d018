import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSepaId, toSepaText } from './sepa-text';

describe('SEPA character set', () => {
  it('spells out umlauts and drops accents', () => {
    expect(toSepaText('Müller & Söhne GmbH, Straße 5', 70)).toBe('Mueller + Soehne GmbH, Strasse 5');
    expect(toSepaText('Café Øresund – Åsa', 70)).toBe('Cafe Oresund - Asa');
    expect(toSepaText('Rechnung „RE-2026-000001“ @ Büro', 140)).toBe("Rechnung 'RE-2026-000001' (at) Buero");
  });

  it('never lets anything outside the set through, and keeps to the length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 140 }), (text, max) => {
        const out = toSepaText(text, max);
        expect(out).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]*$/);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).toBe(out.trim());
      }),
    );
  });

  it('knows a SEPA id: at most 35 characters of the set, no leading slash, no double slash, no spaces', () => {
    expect(isSepaId('RE-2026-000123-4F9A2C')).toBe(true);
    expect(isSepaId('x'.repeat(35))).toBe(true);
    expect(isSepaId('x'.repeat(36))).toBe(false);
    expect(isSepaId('/abc')).toBe(false);
    expect(isSepaId('a//b')).toBe(false);
    expect(isSepaId('a b')).toBe(false);
    expect(isSepaId('Müller')).toBe(false);
  });
});
