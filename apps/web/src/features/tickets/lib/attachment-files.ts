import { ticketAttachmentLimits } from '@portal/contracts';

export type FileProblem =
  | { kind: 'type'; name: string }
  | { kind: 'size'; name: string }
  | { kind: 'count' }
  | { kind: 'total' };

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/**
 * The checks the API makes, done before uploading so the customer hears at once. The API still
 * decides by content; this only looks at names and sizes.
 */
export function checkFiles(files: readonly File[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const accepted: readonly string[] = ticketAttachmentLimits.extensions;
  for (const file of files) {
    if (!file.name.includes('.') || !accepted.includes(extensionOf(file.name))) {
      problems.push({ kind: 'type', name: file.name });
    } else if (file.size > ticketAttachmentLimits.maxFileBytes) {
      problems.push({ kind: 'size', name: file.name });
    }
  }
  if (files.length > ticketAttachmentLimits.maxFiles) problems.push({ kind: 'count' });
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > ticketAttachmentLimits.maxMessageBytes) problems.push({ kind: 'total' });
  return problems;
}

export const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** A short human size: 1.2 MB, 340 KB. */
export function formatSize(bytes: number, language: 'de' | 'en'): string {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  if (bytes < 1024 * 1024) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes(bytes))} MB`;
}
