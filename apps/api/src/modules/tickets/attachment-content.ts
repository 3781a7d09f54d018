import { createHash } from 'node:crypto';
import { type TAttachmentUpload, ticketAttachmentLimits } from '@portal/contracts';
import { AppError, type FieldError } from '../../lib/app-error';

export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain; charset=utf-8';

/** The extensions a name may carry for each detected type: the name has to agree with the bytes. */
const extensionsOf: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain; charset=utf-8': ['txt', 'log'],
};

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The type of a file by its first bytes (magic numbers); plain text must be valid UTF-8 without
 * NUL bytes. Anything else is refused, whatever its name says.
 */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length === 0 || bytes.includes(0)) return null;
  try {
    utf8.decode(bytes);
    return 'text/plain; charset=utf-8';
  } catch {
    return null;
  }
}

/**
 * A name safe to store and to put in a Content-Disposition header: the last path segment only,
 * no control or quoting characters, no leading dots, at most 120 characters (extension kept).
 */
export function sanitizeFilename(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:<>?|;]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot) : '';
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).slice(0, 120 - extension.length).trim();
  return stem ? `${stem}${extension}` : `attachment${extension}`;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

export interface CheckedAttachment {
  filename: string;
  contentType: AttachmentType;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

/**
 * Decodes and checks the files of one message. Sizes are checked again on the decoded bytes
 * (the contract checks the encoded lengths); a refused file names its field.
 */
export function checkAttachments(uploads: TAttachmentUpload[], field = 'attachments'): CheckedAttachment[] {
  const checked: CheckedAttachment[] = [];
  const tooLarge: FieldError[] = [];
  const refused: FieldError[] = [];
  let total = 0;
  uploads.forEach((upload, index) => {
    const content = Buffer.from(upload.data, 'base64');
    const filename = sanitizeFilename(upload.filename);
    total += content.length;
    if (content.length > ticketAttachmentLimits.maxFileBytes) {
      tooLarge.push({ path: `${field}.${index}.data`, message: 'The file is too large.' });
      return;
    }
    const contentType = detectAttachmentType(content);
    if (!contentType) {
      refused.push({
        path: `${field}.${index}.data`,
        message: 'Only PDF, PNG, JPEG and plain text files are accepted.',
      });
      return;
    }
    if (!extensionsOf[contentType].includes(extensionOf(filename))) {
      refused.push({
        path: `${field}.${index}.filename`,
        code: 'fileNameMismatch',
        message: `The name must end in .${extensionsOf[contentType].join(' or .')} for this content.`,
      });
      return;
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    checked.push({ filename, contentType, sizeBytes: content.length, sha256, content });
  });
  if (total > ticketAttachmentLimits.maxMessageBytes) {
    tooLarge.push({ path: field, message: 'The files of this message are too large together.' });
  }
  if (tooLarge.length > 0) {
    throw new AppError('payload_too_large', 'An attachment is too large.', { errors: tooLarge });
  }
  if (refused.length > 0) {
    throw new AppError('unsupported_media_type', 'An attachment is not an accepted file type.', { errors: refused });
  }
  return checked;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
