import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidLeitwegId, leitwegCheckDigits } from './leitweg-id';

describe('Leitweg-ID', () => {
  it('accepts KoSIT examples and refuses a wrong check digit or format', () => {
    expect(isValidLeitwegId('04011000-12345-03')).toBe(true);
    expect(isValidLeitwegId('991-33333TEST-33')).toBe(true);
    expect(isValidLeitwegId('04011000-12345-04')).toBe(false);
    expect(isValidLeitwegId('04011000_12345-03')).toBe(false);
    expect(isValidLeitwegId('0-12345-03')).toBe(false);
  });

  it('the computed check digits validate; changing one digit of the ID breaks them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.stringMatching(/^\d{12}$/),
        fc.stringMatching(/^[A-Z0-9]{1,10}$/),
        fc.nat(9),
        (length, coarse, fine, replacement) => {
          const base = `${coarse.slice(0, length)}-${fine}`;
          const id = `${base}-${leitwegCheckDigits(base)}`;
          expect(isValidLeitwegId(id)).toBe(true);
          const first = id[0] ?? '0';
          const changed = String((Number(first) + 1 + (replacement % 9)) % 10);
          expect(isValidLeitwegId(changed + id.slice(1))).toBe(false);
        },
      ),
    );
  });
});
