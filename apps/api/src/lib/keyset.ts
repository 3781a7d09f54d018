import { AppError } from './app-error';

/**
 * Keyset pages whose cursor is the last row's id (the list then looks up that row's sort key):
 * the id travels base64url-encoded, and anything else is a field error, never a 500.
 */
export const encodeIdCursor = (id: string) => Buffer.from(id).toString('base64url');

export function decodeIdCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw cursorError();
  return id;
}

export const cursorError = () =>
  AppError.validation([{ path: 'query.cursor', message: 'is not a cursor of this list' }]);

/** A search text for ILIKE, matched anywhere: `%`, `_` and `\\` are literal. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
