import { hash } from 'node:crypto';

/**
 * A weak entity tag of a JSON representation (ADR 0021): the hash of what the handler answered,
 * so the GET of a resource and the If-Match check of its PUT compute the same tag.
 */
export function etagOf(body: unknown): string {
  // crypto.hash: the one-shot form, without a Hash object per call (#19).
  return `W/"${hash('sha256', JSON.stringify(body), 'base64url').slice(0, 27)}"`;
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
