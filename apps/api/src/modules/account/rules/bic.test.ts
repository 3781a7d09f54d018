import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bicProblem, normalizeBic } from './bic';

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));

describe('BIC', () => {
  it('accepts 8 and 11 character BICs', () => {
    expect(bicProblem('COBADEFFXXX')).toBeNull();
    expect(bicProblem(normalizeBic('cobadeff'))).toBeNull();
    expect(bicProblem('NOLADE21NOS', 'DE')).toBeNull();
  });

  it('accepts every well-formed BIC', () => {
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 6, maxLength: 6 }),
        alnum,
        fc.constantFrom(...'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789'.split('')),
        fc.option(fc.array(alnum, { minLength: 3, maxLength: 3 })),
        (head, location1, location2, branch) =>
          bicProblem(head.join('') + location1 + location2 + (branch?.join('') ?? '')) === null,
      ),
    );
  });

  it('refuses wrong lengths, digits in the bank code and test BICs', () => {
    expect(bicProblem('COBADEF')).toBe('format');
    expect(bicProblem('COBADEFFXX')).toBe('format');
    expect(bicProblem('C0BADEFF')).toBe('format');
    expect(bicProblem('COBADEF0')).toBe('format');
  });

  it('refuses a BIC of another country than the IBAN', () => {
    expect(bicProblem('COBADEFF', 'AT')).toBe('country');
    expect(bicProblem('BNPAFRPP', 'MC')).toBeNull();
  });
});
