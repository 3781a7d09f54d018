/**
 * The parts every e-mail shares, written for a person: the salutation by what is known, and the
 * closing. Mails go out in German: the customer's language is not stored (ADR 0019).
 */

/** Legal forms that mark a name as a company's, not a person's ("Mustermann Hosting GmbH"). */
const companyForms =
  /\b(GmbH|gGmbH|mbH|AG|UG|KG|KGaA|OHG|GbR|PartG|eG|e\.\s?K\.|e\.\s?V\.|SE|Ltd\.?|LLC|Inc\.?|S\.?A\.?|S\.?r\.?l\.?|B\.?V\.?|Co\.)(?=[\s,.)]|$)/;

export function isCompanyName(name: string): boolean {
  return companyForms.test(name);
}

/**
 * "Guten Tag Erika Mustermann," for a person, "Sehr geehrte Damen und Herren," for a company or
 * nobody known. The portal stores no form of address, so the gender-neutral greeting with the
 * full name stands in for "Sehr geehrte Frau Mustermann".
 */
export function salutation(name: string | null | undefined): string {
  const person = name?.trim();
  if (!person || isCompanyName(person)) return 'Sehr geehrte Damen und Herren,';
  return `Guten Tag ${person},`;
}

/** The closing above the footer; mails that end with their own keep it. */
export function closing(providerName: string): string {
  return `Mit freundlichen Grüßen\n${providerName}`;
}

export function hasClosing(paragraphs: readonly string[]): boolean {
  return paragraphs.at(-1)?.startsWith('Mit freundlichen Grüßen') ?? false;
}
