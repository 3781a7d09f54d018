import { createHash } from 'node:crypto';
import { type TAttachmentUpload, ticketAttachmentLimits } from '@portal/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../lib/app-error';
import { uploadedFiles } from '../../lib/multipart';

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

/** The longest signature below: enough bytes to tell a binary type from text. */
const SIGNATURE_BYTES = 8;

function binaryTypeOf(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** Decides a file's type chunk by chunk, so an upload is refused at the first chunk that cannot be accepted. */
export interface ContentSniffer {
  /** False once the bytes so far can no longer be an accepted type. */
  push(chunk: Uint8Array): boolean;
  /** The type of the whole file, or null when it is refused. */
  end(): AttachmentType | null;
}

/**
 * The type of a file by its first bytes (magic numbers); plain text must be valid UTF-8 without
 * NUL bytes, checked as the chunks arrive. Anything else is refused, whatever its name says.
 */
export function attachmentSniffer(): ContentSniffer {
  let head: Uint8Array = new Uint8Array(0);
  let state: 'undecided' | 'binary' | 'text' | 'refused' = 'undecided';
  let type: AttachmentType | null = null;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const text = (bytes: Uint8Array) => {
    if (bytes.includes(0)) state = 'refused';
    else
      try {
        utf8.decode(bytes, { stream: true });
      } catch {
        state = 'refused';
      }
  };
  const decide = (bytes: Uint8Array) => {
    type = binaryTypeOf(bytes);
    if (type) state = 'binary';
    else {
      state = 'text';
      type = 'text/plain; charset=utf-8';
      text(bytes);
    }
  };
  return {
    push(chunk) {
      if (state === 'undecided') {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SIGNATURE_BYTES) decide(head);
      } else if (state === 'text') text(chunk);
      return state !== 'refused';
    },
    end() {
      if (state === 'undecided') {
        if (head.length === 0) return null;
        decide(head);
      }
      if (state === 'text') {
        try {
          utf8.decode(); // a sequence cut off at the end is not text
        } catch {
          state = 'refused';
        }
      }
      return state === 'refused' ? null : type;
    },
  };
}

/** The type of a whole file (see `attachmentSniffer`). */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  const sniffer = attachmentSniffer();
  sniffer.push(bytes);
  return sniffer.end();
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

/** A file as it arrived: decoded from base64, or read from a multipart part. */
export interface ReceivedFile {
  filename: string;
  content: Buffer;
  /** Where errors about this file point: the JSON body's `attachments.0.data`, a part's `attachments.0`. */
  path: { content: string; filename: string };
}

/**
 * Checks the files of one message, whichever way they came (one rule for the JSON and the
 * multipart body): sizes, the type by content, a name that agrees with it. A refused file names
 * its field.
 */
export function checkFiles(files: ReceivedFile[], field = 'attachments'): CheckedAttachment[] {
  const checked: CheckedAttachment[] = [];
  const tooLarge: FieldError[] = [];
  const refused: FieldError[] = [];
  let total = 0;
  for (const file of files) {
    const { content, path } = file;
    const filename = sanitizeFilename(file.filename);
    total += content.length;
    if (content.length > ticketAttachmentLimits.maxFileBytes) {
      tooLarge.push({ path: path.content, message: 'fileTooLarge' });
      continue;
    }
    const contentType = detectAttachmentType(content);
    if (!contentType) {
      refused.push({ path: path.content, message: 'fileTypeRefused' });
      continue;
    }
    if (!extensionsOf[contentType].includes(extensionOf(filename))) {
      refused.push({
        path: path.filename,
        code: 'fileNameMismatch',
        message: `The name must end in .${extensionsOf[contentType].join(' or .')} for this content.`,
      });
      continue;
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    checked.push({ filename, contentType, sizeBytes: content.length, sha256, content });
  }
  if (total > ticketAttachmentLimits.maxMessageBytes) tooLarge.push({ path: field, message: 'filesTooLarge' });
  if (tooLarge.length > 0) {
    throw new AppError('payload_too_large', 'An attachment is too large.', { errors: tooLarge });
  }
  if (refused.length > 0) {
    throw new AppError('unsupported_media_type', 'An attachment is not an accepted file type.', { errors: refused });
  }
  return checked;
}

/** The JSON body's files, base64-encoded (the form kept for compatibility, ADR 0025). */
export function checkAttachments(uploads: TAttachmentUpload[], field = 'attachments'): CheckedAttachment[] {
  return checkFiles(
    uploads.map((upload, index) => ({
      filename: upload.filename,
      content: Buffer.from(upload.data, 'base64'),
      path: { content: `${field}.${index}.data`, filename: `${field}.${index}.filename` },
    })),
    field,
  );
}

/**
 * The files of a ticket message, from whichever body the request sent: multipart file parts
 * (already measured and inspected while read), or the JSON body's base64 array.
 */
export function attachmentsOf(request: FastifyRequest, json: TAttachmentUpload[]): CheckedAttachment[] {
  const parts = uploadedFiles(request);
  if (!parts) return checkAttachments(json);
  return checkFiles(parts.map((part) => ({ ...part, path: { content: part.path, filename: part.path } })));
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
