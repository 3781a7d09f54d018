// Kept apart from ./form.ts (which brings zod): the sign-in page's fields need these on its first
// load, where zod must not be (ADR 0008).

/**
 * Dotted names of a form's fields: nested objects are walked; a list of objects (invoice lines)
 * is a field and so is each member of its rows (`lines`, `lines.0.unitPrice`); other arrays and
 * files are one field.
 */
export function fieldNames(values: unknown, prefix = ''): string[] {
  if (Array.isArray(values)) {
    const rows = values.every((value) => isPlainObject(value)) ? values : [];
    return [prefix, ...rows.flatMap((row, index) => fieldNames(row, `${prefix}.${index}`))];
  }
  if (!isPlainObject(values)) return [prefix];
  return Object.entries(values).flatMap(([key, value]) => fieldNames(value, prefix ? `${prefix}.${key}` : key));
}

const isPlainObject = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Blob);

/** The form field an API path belongs to (`attachments.0.data` → `attachments`), if any. */
export function fieldOfPath(names: readonly string[], path: string): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (names.includes(candidate)) return candidate;
  }
  return undefined;
}
