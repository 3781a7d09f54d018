import { ApiError } from '../../../lib/api-error';
import type { securityMessages } from '../security-messages';

type Messages = (typeof securityMessages)['de'];

/** The API's message for a field of the security forms, in the user's language. */
export function securityFieldError(error: unknown, path: string, t: Messages): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const raw = error.fieldError(path);
  if (raw === undefined) return undefined;
  return (t as unknown as Record<string, string | undefined>)[`field_${raw}`] ?? t.failed;
}

/**
 * A problem of a security form that belongs to no field, by its status and code (never the API's
 * English detail); `browserError` names a failure of the browser's own WebAuthn prompt.
 */
export function securityFormError(error: unknown, t: Messages, browserError = t.failed): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return browserError;
  if (error.status === 429) return t.throttled;
  if (error.status === 409) return t.conflict;
  if (error.problem.errors?.length) return undefined;
  return t.failed;
}
