import type { TLanguage } from '@portal/contracts';

/**
 * The parts every e-mail shares, written for a person in the recipient's language (ADR 0025):
 * the salutation by what is known, and the closing.
 */

/** Legal forms that mark a name as a company's, not a person's ("Mustermann Hosting GmbH"). */
const companyForms =
  /\b(GmbH|gGmbH|mbH|AG|UG|KG|KGaA|OHG|GbR|PartG|eG|e\.\s?K\.|e\.\s?V\.|SE|Ltd\.?|LLC|Inc\.?|S\.?A\.?|S\.?r\.?l\.?|B\.?V\.?|Co\.)(?=[\s,.)]|$)/;

export function isCompanyName(name: string): boolean {
  return companyForms.test(name);
}

/**
 * A person: "Guten Tag Erika Mustermann," / "Dear Erika Mustermann,"; a company or nobody known:
 * "Sehr geehrte Damen und Herren," / "Dear Sir or Madam,". The portal stores no form of address,
 * so the gender-neutral greeting with the full name stands in for "Sehr geehrte Frau Mustermann".
 */
export function salutation(name: string | null | undefined, language: TLanguage): string {
  const person = name?.trim();
  if (!person || isCompanyName(person))
    return language === 'de' ? 'Sehr geehrte Damen und Herren,' : 'Dear Sir or Madam,';
  return language === 'de' ? `Guten Tag ${person},` : `Dear ${person},`;
}

/** The closing above the footer. */
export function closing(providerName: string, language: TLanguage): string {
  return `${language === 'de' ? 'Mit freundlichen Grüßen' : 'Kind regards'}\n${providerName}`;
}
