import { createHash } from 'node:crypto';
import type { MultipartUpload } from '@portal/contracts';
import type { FastifyRequest, preValidationHookHandler } from 'fastify';
import { AppError, type FieldError } from './app-error';
import { nulCharacterError } from './request-hygiene';

/**
 * `multipart/form-data` bodies (ADR 0025), read as a stream: text parts become the body the
 * contract validates, file parts are counted, measured and inspected chunk by chunk, and the
 * request is refused at the first byte over a limit: nothing larger than the limits is ever held.
 */

/** One file part as it arrived, in the order sent. */
export interface UploadedFile {
  filename: string;
  content: Buffer;
  sha256: string;
  /** Where errors about it point: `attachments.0`. */
  path: string;
}

/** Decides chunk by chunk whether the bytes can still be accepted (see `attachmentSniffer`). */
export interface ContentInspector {
  push(chunk: Uint8Array): boolean;
  end(): string | null;
}

/** Text parts: the longest field of any contract (a message of 20,000 characters) fits, in UTF-8. */
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 100_000;

const uploads = new WeakMap<FastifyRequest, UploadedFile[]>();

/** The files of a multipart request, or undefined when its body was JSON. */
export function uploadedFiles(request: FastifyRequest): UploadedFile[] | undefined {
  return uploads.get(request);
}

/**
 * A refusal in the middle of a body closes the connection after the answer: the rest of the
 * upload is not read (Node would otherwise drain it to keep the connection alive).
 */
const STOP_READING = { connection: 'close' };

const tooLarge = (path: string, message: string) =>
  new AppError(
    'payload_too_large',
    'The upload is larger than allowed.',
    { errors: [{ path, message }] },
    STOP_READING,
  );

const refused = (path: string) =>
  new AppError(
    'unsupported_media_type',
    'An attachment is not an accepted file type.',
    { errors: [{ path, message: 'fileTypeRefused' }] },
    STOP_READING,
  );

const invalid = (errors: FieldError[]) =>
  new AppError('validation_failed', 'One or more fields are invalid.', { errors }, STOP_READING);

/** The errors @fastify/multipart raises when busboy's limits are hit. */
const limitErrors: Record<string, (upload: MultipartUpload) => AppError> = {
  FST_FILES_LIMIT: (upload) => tooLarge(upload.field, 'tooMany'),
  FST_PARTS_LIMIT: () => tooLarge('body', 'tooMany'),
  FST_FIELDS_LIMIT: () => tooLarge('body', 'tooMany'),
};

/**
 * A pre-validation hook for a route that takes `multipart/form-data` as well as JSON: it reads a
 * multipart body into `request.body` (text fields) and `uploadedFiles(request)`; JSON passes by.
 */
export function multipartBody(upload: MultipartUpload, inspector?: () => ContentInspector): preValidationHookHandler {
  return async (request) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let total = 0;
    const parts = request.parts({
      limits: {
        files: upload.maxFiles,
        // One byte more than allowed reaches the loop below, which refuses it.
        fileSize: upload.maxFileBytes + 1,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: upload.maxFiles + MAX_FIELDS,
      },
    });
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          const name = part.fieldname;
          if (part.valueTruncated) throw tooLarge(name, 'tooLong');
          if (name === upload.field) throw invalid([{ path: name, message: 'Send the files as file parts.' }]);
          if (name in fields) throw invalid([{ path: name, message: 'The field was sent more than once.' }]);
          // Form encoding turns every line break into CRLF (HTML's multipart/form-data rules):
          // undone, so a text reads the same whichever body carried it.
          fields[name] = String(part.value).replaceAll('\r\n', '\n');
          continue;
        }
        const path = `${upload.field}.${files.length}`;
        if (part.fieldname !== upload.field) {
          throw invalid([{ path: part.fieldname, message: `Files are accepted only as "${upload.field}".` }]);
        }
        const inspect = inspector?.();
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          total += chunk.length;
          if (size > upload.maxFileBytes) throw tooLarge(path, 'fileTooLarge');
          if (total > upload.maxTotalBytes) throw tooLarge(upload.field, 'filesTooLarge');
          if (inspect && !inspect.push(chunk)) throw refused(path);
          hash.update(chunk);
          chunks.push(chunk);
        }
        if (inspect && !inspect.end()) throw refused(path);
        files.push({ filename: part.filename, content: Buffer.concat(chunks), sha256: hash.digest('hex'), path });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const { code, statusCode } = error as { code?: string; statusCode?: number };
      const limit = code ? limitErrors[code] : undefined;
      if (limit) throw limit(upload);
      // Busboy's own parse errors (a cut-off or malformed body) carry no status: the client's fault.
      if (statusCode && statusCode < 500) throw error;
      throw new AppError('bad_request', 'The multipart/form-data body is malformed.', {}, STOP_READING);
    }
    request.body = fields;
    uploads.set(request, files);
    // The app-wide check ran before this body existed.
    const nul = nulCharacterError(request);
    if (nul) throw nul;
  };
}
