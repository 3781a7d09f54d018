import type { TAccountFieldMessage } from '@portal/contracts';
import { ApiError } from '../../../lib/api-client';
import type { accountMessages } from '../messages';

type Messages = (typeof accountMessages)['de'];

/** Fails to compile when the API gains a field message without a translation here. */
export type TranslatedFieldMessages = Pick<Messages, `field_${TAccountFieldMessage}`>;

/**
 * The API's message for a field, in the user's language. The API sends a fixed set of English
 * sentences (apps/api/src/modules/account/field-rules.ts); unknown ones fall back to "is invalid".
 */
export function fieldError(error: unknown, path: string, t: Messages): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const raw = error.fieldError(path);
  if (raw === undefined) return undefined;
  const key = `field_${raw}`;
  const translated = (t as unknown as Record<string, string | undefined>)[key];
  return translated ?? t.field_invalid;
}

/** A problem that belongs to no field: throttling, a conflict, anything unexpected. */
export function formError(error: unknown, t: Messages): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    if (error.status === 429) return t.throttled;
    if (error.problem.errors?.length) return undefined;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
