import { accountFieldMessages } from '@portal/contracts';
import type { FieldError } from '../../lib/app-error';
import { bicProblem, normalizeBic } from './rules/bic';
import { ibanProblem, normalizeIban } from './rules/iban';
import { passwordProblem, passwordProblemMessages } from './rules/password-policy';
import { normalizeVatId, vatIdProblem } from './rules/vat-id';

/** The field messages the API sends; the SPA translates them by text. */
export const fieldMessages = accountFieldMessages;

export function checkNewPassword(path: string, password: string, email: string): FieldError[] {
  const problem = passwordProblem(password, email);
  return problem ? [{ path, message: passwordProblemMessages[problem] }] : [];
}

export function checkIbanAndBic(rawIban: string, rawBic: string | null | undefined) {
  const errors: FieldError[] = [];
  const iban = normalizeIban(rawIban);
  const ibanIssue = ibanProblem(iban);
  if (ibanIssue === 'format') errors.push({ path: 'iban', message: fieldMessages.ibanFormat });
  if (ibanIssue === 'country') errors.push({ path: 'iban', message: fieldMessages.ibanCountry });
  if (ibanIssue === 'length') errors.push({ path: 'iban', message: fieldMessages.ibanLength });
  if (ibanIssue === 'checksum') errors.push({ path: 'iban', message: fieldMessages.ibanChecksum });
  const bic = rawBic ? normalizeBic(rawBic) : null;
  const bicIssue = bic ? bicProblem(bic, ibanIssue ? undefined : iban.slice(0, 2)) : null;
  if (bicIssue === 'format') errors.push({ path: 'bic', message: fieldMessages.bicFormat });
  if (bicIssue === 'country') errors.push({ path: 'bic', message: fieldMessages.bicCountry });
  return { iban, bic, errors };
}

/** ISO 3166-1 alpha-2 codes that Intl knows a name for. */
export function isCountryCode(code: string): boolean {
  // User-assigned codes (AA, QM–QZ, XA–XZ, ZZ) are no countries.
  if (!/^[A-Z]{2}$/.test(code) || /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(code)) return false;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  return name !== undefined;
}

/** VAT IDs are checked per EU country; for Germany-based customers the prefix must match. */
export function checkVatId(rawVatId: string | null | undefined, country: string) {
  if (!rawVatId) return { vatId: null, errors: [] as FieldError[] };
  const vatId = normalizeVatId(rawVatId);
  const issue = vatIdProblem(vatId);
  const errors: FieldError[] = [];
  if (issue === 'country') errors.push({ path: 'vatId', message: fieldMessages.vatIdCountry });
  if (issue === 'format') errors.push({ path: 'vatId', message: fieldMessages.vatIdFormat });
  const prefix = vatId.slice(0, 2);
  const vatCountry = prefix === 'EL' ? 'GR' : prefix === 'XI' ? 'GB' : prefix;
  if (!issue && vatCountry !== country) errors.push({ path: 'vatId', message: fieldMessages.vatIdCountryMismatch });
  return { vatId, errors };
}
