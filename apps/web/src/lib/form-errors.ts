import {
  isFieldErrorCode,
  type TCodedFieldError,
  type TErrorCode,
  type TFieldErrorCode,
  type TFieldErrorParams,
} from '@portal/contracts';
import { ApiError } from './api-error';
import { errorMessages, fieldErrorTexts, problemTexts } from './error-messages';
import { type Language, useLanguage } from './i18n';

/**
 * A field error as a form keeps it: react-hook-form holds one string per field, so the code and
 * its numbers travel as `code` or `code|{"maximum":200}` (written and read only here).
 */
export function encodeFieldError({ code, params }: TCodedFieldError): string {
  return params ? `${code}|${JSON.stringify(params)}` : code;
}

export function decodeFieldError(message: string | undefined): TCodedFieldError {
  const [code, params] = (message ?? '').split('|', 2);
  if (!isFieldErrorCode(code)) return { code: 'invalid' };
  try {
    return params ? { code, params: JSON.parse(params) as TFieldErrorParams } : { code };
  } catch {
    return { code };
  }
}

/** Per-page texts that say more than the general one, e.g. "Dieses Produkt gibt es nicht". */
export type ProblemOverrides = Partial<Record<TErrorCode | 'network', string>>;

/** The sentence for any error, by the problem's `code` — never the API's English `detail`. */
export function problemText(error: unknown, language: Language, overrides: ProblemOverrides = {}): string {
  if (error instanceof ApiError) return overrides[error.problem.code] ?? problemTexts[language][error.problem.code];
  return overrides.network ?? errorMessages[language].networkError;
}

export function fieldErrorText(language: Language, error: TCodedFieldError, field: string): string {
  return fieldErrorTexts[language][error.code](field, error.params ?? {});
}

/** Errors that are worth another try as they are: the connection, a busy or failing server. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  const retryable: TErrorCode[] = ['internal', 'service_unavailable', 'rate_limited'];
  return retryable.includes(error.problem.code);
}

/** The texts of the current language: `const texts = useErrorTexts(); texts.problem(error)`. */
export function useErrorTexts() {
  const { language } = useLanguage();
  return {
    problem: (error: unknown, overrides?: ProblemOverrides) => problemText(error, language, overrides),
    byCode: (code: TErrorCode) => problemTexts[language][code],
    field: (error: TCodedFieldError, field: string) => fieldErrorText(language, error, field),
    code: (code: TFieldErrorCode, field: string) => fieldErrorText(language, { code }, field),
  };
}
