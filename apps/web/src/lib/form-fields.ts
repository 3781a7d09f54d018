// Kept apart from ./form.ts (which brings zod): the sign-in page's fields need these on its first
// load, where zod must not be (ADR 0008).

/** Dotted names of a form's fields: nested objects are walked, arrays and files are one field. */
export function fieldNames(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values) || values instanceof Blob) return [prefix];
  return Object.entries(values).flatMap(([key, value]) => fieldNames(value, prefix ? `${prefix}.${key}` : key));
}

/** The form field an API path belongs to (`attachments.0.data` → `attachments`), if any. */
export function fieldOfPath(names: readonly string[], path: string): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (names.includes(candidate)) return candidate;
  }
  return undefined;
}
