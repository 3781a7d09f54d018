import { describe, expect, it } from 'vitest';
import { hasClosing, salutation } from './letter';

describe('salutation', () => {
  it.each([
    ['Erika Mustermann', 'Guten Tag Erika Mustermann,'],
    ['Mustermann Hosting GmbH', 'Sehr geehrte Damen und Herren,'],
    ['Beispiel IT UG (haftungsbeschränkt)', 'Sehr geehrte Damen und Herren,'],
    ['Müller & Co. KG', 'Sehr geehrte Damen und Herren,'],
    ['Agnes Sekretär', 'Guten Tag Agnes Sekretär,'],
    ['  ', 'Sehr geehrte Damen und Herren,'],
    [null, 'Sehr geehrte Damen und Herren,'],
  ])('greets %s with "%s"', (name, expected) => {
    expect(salutation(name)).toBe(expected);
  });

  it('recognises a closing that a mail brings itself', () => {
    expect(hasClosing(['Guten Tag,', 'Mit freundlichen Grüßen\nNordwind'])).toBe(true);
    expect(hasClosing(['Guten Tag,', 'Text'])).toBe(false);
  });
});
