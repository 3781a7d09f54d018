import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToDecimal, decimalToCents } from './money';

describe('cents and bank amounts', () => {
  it('formats cents as decimal euros and reads them back exactly', () => {
    expect(centsToDecimal(0)).toBe('0.00');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(123_456)).toBe('1234.56');
    expect(decimalToCents('1234.5')).toBe(123_450);
    expect(decimalToCents('12.30000')).toBe(1_230);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        expect(decimalToCents(centsToDecimal(cents))).toBe(cents);
      }),
    );
  });

  it('refuses fractions of a cent and anything that is not an amount', () => {
    for (const bad of ['1.005', '-1.00', '1,00', '', 'abc', '1e3']) expect(decimalToCents(bad), bad).toBeNull();
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
  });
});
