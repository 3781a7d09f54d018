import { errorCodes, fieldErrorCodes } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { fieldErrorTexts, problemTexts } from './error-messages';
import { decodeFieldError, encodeFieldError } from './form-errors';

describe('error texts', () => {
  it.each(['de', 'en'] as const)('name every problem code of the contracts in %s', (language) => {
    for (const code of errorCodes) {
      expect(problemTexts[language][code], code).toMatch(/^\p{Lu}.*[.!]$/u);
    }
    expect(Object.keys(problemTexts[language]).sort()).toEqual([...errorCodes].sort());
  });

  it.each(['de', 'en'] as const)('say every field error code as a whole sentence in %s', (language) => {
    for (const code of fieldErrorCodes) {
      const text = fieldErrorTexts[language][code]('Straße', { minimum: 3, maximum: 200 });
      // A sentence: starts with a capital letter or the quoted field name, ends with a full stop.
      expect(text, code).toMatch(/^(\p{Lu}|„|")[\s\S]*\.$/u);
      expect(text, code).not.toContain('undefined');
    }
    expect(Object.keys(fieldErrorTexts[language]).sort()).toEqual([...fieldErrorCodes].sort());
  });

  it('name the field and its limit where the code is a general one', () => {
    expect(fieldErrorTexts.de.required('Straße und Hausnummer', {})).toBe(
      'Bitte füllen Sie das Feld „Straße und Hausnummer“ aus.',
    );
    expect(fieldErrorTexts.en.tooLong('City', { maximum: 100 })).toBe(
      '"City" is too long: at most 100 characters are possible.',
    );
  });

  it('travel through a form field as one string and back', () => {
    expect(decodeFieldError(encodeFieldError({ code: 'tooShort', params: { minimum: 3 } }))).toEqual({
      code: 'tooShort',
      params: { minimum: 3 },
    });
    expect(decodeFieldError('passwordTooShort')).toEqual({ code: 'passwordTooShort' });
    expect(decodeFieldError('Some English sentence')).toEqual({ code: 'invalid' });
  });
});
