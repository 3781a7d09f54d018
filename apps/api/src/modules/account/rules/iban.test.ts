import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IBAN_LENGTHS, ibanProblem, ibanWithCheckDigits, maskIban, normalizeIban } from './iban';

const countries = Object.keys(IBAN_LENGTHS);
const bbanChar = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));

/** A valid IBAN of any listed country: random BBAN of the right length, computed check digits. */
const validIban = fc
  .constantFrom(...countries)
  .chain((country) =>
    fc
      .array(bbanChar, { minLength: (IBAN_LENGTHS[country] ?? 5) - 4, maxLength: (IBAN_LENGTHS[country] ?? 5) - 4 })
      .map((chars) => ibanWithCheckDigits(country, chars.join(''))),
  );

describe('IBAN', () => {
  it('accepts known-good IBANs', () => {
    expect(ibanProblem('DE89370400440532013000')).toBeNull();
    expect(ibanProblem('GB82WEST12345698765432')).toBeNull();
    expect(ibanProblem(normalizeIban('at61 1904 3002 3457 3201'))).toBeNull();
    expect(ibanProblem('NO9386011117947')).toBeNull();
  });

  it('accepts every IBAN whose check digits are computed', () => {
    fc.assert(fc.property(validIban, (iban) => ibanProblem(iban) === null));
  });

  it('refuses any single changed digit (MOD 97 catches every single-digit substitution)', () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.integer({ min: 0, max: 9 }), (iban, at, digit) => {
        const digitPositions = [...iban].flatMap((char, index) => (index >= 2 && /\d/.test(char) ? [index] : []));
        fc.pre(digitPositions.length > 0);
        const index = digitPositions[at % digitPositions.length] ?? 2;
        const original = iban[index] ?? '';
        const replacement = String(digit) === original ? String((digit + 1) % 10) : String(digit);
        const changed = iban.slice(0, index) + replacement + iban.slice(index + 1);
        expect(ibanProblem(changed)).toBe('checksum');
      }),
    );
  });

  it('refuses swapped neighbouring digits', () => {
    fc.assert(
      fc.property(validIban, fc.nat(), (iban, at) => {
        const index = 4 + (at % (iban.length - 5));
        const [a, b] = [iban[index], iban[index + 1]];
        // Guaranteed for digits only: a letter stands for two digits in the MOD 97 number.
        fc.pre(a !== b && /\d/.test(a ?? '') && /\d/.test(b ?? ''));
        const swapped = iban.slice(0, index) + b + a + iban.slice(index + 2);
        expect(ibanProblem(swapped)).not.toBeNull();
      }),
    );
  });

  it('refuses a wrong length for the country and unknown countries', () => {
    fc.assert(
      fc.property(validIban, bbanChar, (iban, extra) => {
        expect(ibanProblem(iban + extra)).toBe('length');
        expect(ibanProblem(iban.slice(0, -1))).toBe('length');
      }),
    );
    expect(ibanProblem('US64SVBKUS6S3300958879')).toBe('country');
    expect(ibanProblem('DE8937040044053201300')).toBe('length');
    expect(ibanProblem('DE89 3704')).toBe('format');
  });

  it('masks all but country, check digits and last four', () => {
    expect(maskIban('DE89370400440532013000')).toBe('DE89 **** **** 3000');
  });
});
