/**
 * Link tokens in e-mail bodies (`?token=…`, also HTML-escaped `&amp;token=…`). A delivered mail,
 * an exported mail and a deleted customer's kept mail show the link without its secret; the
 * migration 0011 uses the same pattern in SQL.
 */
const LINK_TOKEN = /([?&;]token=)[A-Za-z0-9_%-]+/g;

export const REDACTED = '[entfernt]';

export function redactLinkTokens(body: string): string {
  return body.replace(LINK_TOKEN, `$1${REDACTED}`);
}
