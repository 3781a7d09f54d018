import { customType } from 'drizzle-orm/pg-core';

/**
 * Binary content (PDFs, attachments) as a Buffer. node-postgres hands back a Buffer, PGlite a
 * Uint8Array; both become a Buffer so that callers need not care which driver runs.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
