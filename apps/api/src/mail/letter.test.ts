import { describe, expect, it } from 'vitest';
import { closing, salutation } from './letter';

describe('salutation', () => {
  it.each([
    ['Erika Mustermann', 'Guten Tag Erika Mustermann,', 'Dear Erika Mustermann,'],
    ['Mustermann Hosting GmbH', 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
    ['Beispiel IT UG (haftungsbeschränkt)', 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
    ['Müller & Co. KG', 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
    ['Example Ltd', 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
    ['Agnes Sekretär', 'Guten Tag Agnes Sekretär,', 'Dear Agnes Sekretär,'],
    ['  ', 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
    [null, 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
  ])('greets %s with "%s" and "%s"', (name, de, en) => {
    expect(salutation(name, 'de')).toBe(de);
    expect(salutation(name, 'en')).toBe(en);
  });
});

describe('closing', () => {
  it('signs with the provider in the language of the mail', () => {
    expect(closing('Nordwind GmbH', 'de')).toBe('Mit freundlichen Grüßen\nNordwind GmbH');
    expect(closing('Nordwind GmbH', 'en')).toBe('Kind regards\nNordwind GmbH');
  });
});
