import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

// crypto.hash: the one-shot form, without a Hash object per call (#19). A text and its UTF-8
// bytes get the same tag.
const tagOfText = (text: string | Buffer) => `W/"${hash('sha256', text, 'base64url').slice(0, 27)}"`;
const tagOf = (body: unknown) => tagOfText(JSON.stringify(body));

/** Tags of answers that cannot change (`fixedAnswer`), computed when they were built. */
const fixedTags = new WeakMap<object, string>();

/** Whether `body` was made unchangeable by `fixedAnswer`: what is derived from it may be kept. */
export function isFixedAnswer(body: unknown): body is object {
  return typeof body === 'object' && body !== null && fixedTags.has(body);
}

/**
 * A weak entity tag of a JSON representation (ADR 0021): the hash of what the handler answered,
 * so the GET of a resource and the If-Match check of its PUT compute the same tag.
 */
export function etagOf(body: unknown): string {
  return (typeof body === 'object' && body !== null && fixedTags.get(body)) || tagOf(body);
}

/**
 * A page of a list is tagged by the text the serializer wrote (ADR 0021): a list is never the
 * target of a PUT's If-Match, and its page is the largest answer of the API — its JSON text is
 * not written a second time only to be hashed (#19). The text is encoded to UTF-8 once, here:
 * the bytes are hashed, counted for `Content-Length` and written as they are (a text would be
 * encoded by the hash, scanned for its length and encoded again by the socket). The hook goes on
 * the list's route.
 */
export function tagPageOnSend(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  if (reply.statusCode !== 200 || typeof payload !== 'string') {
    done(null, payload);
    return;
  }
  const bytes = Buffer.from(payload, 'utf8');
  const etag = tagOfText(bytes);
  reply.header('etag', etag);
  const unchanged = matchesEtag(request.headers['if-none-match'], etag);
  if (unchanged) reply.code(304);
  done(null, unchanged ? '' : bytes);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) deepFreeze(member);
}

/**
 * Makes an answer that is built once and served many times (from what the session cache holds)
 * unchangeable, all the way down, and tags it now: serving it again costs no second JSON text
 * and hash (#19). Anything reached from `body` is frozen with it.
 */
export function fixedAnswer<T extends object>(body: T): T {
  deepFreeze(body);
  fixedTags.set(body, tagOf(body));
  return body;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * Whether an `If-None-Match`/`If-Match` header names the tag: `*`, or one of a comma-separated
 * list, compared weakly (RFC 9110 §13.1.2 for If-None-Match; for If-Match our tags are all weak
 * ones over the exact representation, so the weak comparison is as strict as it needs to be).
 */
export function matchesEtag(header: string | undefined, etag: string | undefined): boolean {
  if (header === undefined || etag === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
