import { AppError } from './app-error';

/**
 * The one way lists page (ADR 0021): keyset pages of `{ items, nextCursor, hasMore }`, the
 * cursor opaque to clients (base64url of the sort key of the last item), and a `Link: <…>;
 * rel="next"` header that `registerRoute` adds to every list answer with a next page. The limit
 * and its maximum come from `ZListQuery` in the contracts.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

/**
 * The repository fetched `limit + 1` rows: the extra one only says that another page follows.
 * Answers the page's rows and the cursor after the last of them.
 */
export function pageOf<Row>(rows: readonly Row[], limit: number, cursorOf: (last: Row) => string) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? cursorOf(last) : null;
  return { rows: page, nextCursor, hasMore: nextCursor !== null };
}

/** A list short enough never to page (sessions, passkeys): one page, no cursor. */
export function onePage<T>(items: T[]): Page<T> {
  return { items, nextCursor: null, hasMore: false };
}

/** The URL of the next page: the request's own, with `cursor` replaced. */
export function nextPageUrl(requestUrl: string, nextCursor: string): string {
  const url = new URL(requestUrl, 'http://portal.invalid');
  url.searchParams.set('cursor', nextCursor);
  return `${url.pathname}${url.search}`;
}

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
