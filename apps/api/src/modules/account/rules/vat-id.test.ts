import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeVatId, VAT_ID_FORMATS, vatIdProblem } from './vat-id';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('VAT ID', () => {
  it('accepts real-looking numbers of each kind', () => {
    for (const id of [
      'DE123456789',
      'ATU12345678',
      'NL123456789B01',
      'FR40303265045',
      'EL123456789',
      'ESX1234567X',
      'IE1234567WA',
      'SE123456789001',
    ]) {
      expect(vatIdProblem(id), id).toBeNull();
    }
    expect(vatIdProblem(normalizeVatId('de 123.456.789'))).toBeNull();
  });

  it('accepts any German number of nine digits and refuses every other length', () => {
    fc.assert(fc.property(digits(9), (d) => vatIdProblem(`DE${d}`) === null));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }).filter((n) => n !== 9),
        (n) => {
          expect(vatIdProblem(`DE${'1'.repeat(n)}`)).toBe('format');
        },
      ),
    );
  });

  it('refuses unknown country prefixes, including GR (Greece is EL)', () => {
    fc.assert(
      fc.property(fc.constantFrom('GR', 'US', 'CH', 'XX', '12'), digits(9), (prefix, d) => {
        expect(vatIdProblem(prefix + d)).toBe('country');
      }),
    );
  });

  it('refuses letters where a country expects digits only', () => {
    const digitOnly = Object.entries(VAT_ID_FORMATS).filter(([, format]) =>
      /^\^[A-Z]{2}\\d\{\d+\}\$$/.test(format.source),
    );
    expect(digitOnly.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(fc.constantFrom(...digitOnly.map(([country]) => country)), digits(8), (country, d) => {
        expect(vatIdProblem(`${country}A${d}`)).toBe('format');
      }),
    );
  });
});
