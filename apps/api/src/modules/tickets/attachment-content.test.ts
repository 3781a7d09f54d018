import { ticketAttachmentLimits } from '@portal/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error';
import {
  attachmentSniffer,
  checkAttachments,
  contentDisposition,
  detectAttachmentType,
  sanitizeFilename,
} from './attachment-content';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const upload = (filename: string, bytes: Buffer) => ({ filename, data: bytes.toString('base64') });

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('detectAttachmentType', () => {
  it('knows PDF, PNG and JPEG by their magic bytes', () => {
    expect(detectAttachmentType(PDF)).toBe('application/pdf');
    expect(detectAttachmentType(PNG)).toBe('image/png');
    expect(detectAttachmentType(JPEG)).toBe('image/jpeg');
  });

  it('takes valid UTF-8 without NUL as plain text', () => {
    expect(detectAttachmentType(Buffer.from('2026-11-27 ERROR Überlast\n'))).toBe('text/plain; charset=utf-8');
    expect(detectAttachmentType(Buffer.from('a\u0000b'))).toBeNull();
    expect(detectAttachmentType(Buffer.from([0xc3, 0x28]))).toBeNull();
    expect(detectAttachmentType(Buffer.alloc(0))).toBeNull();
  });

  it('refuses executables and archives', () => {
    expect(detectAttachmentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // MZ
    expect(detectAttachmentType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeNull(); // zip
  });

  it('accepts any string as text, since valid UTF-8 without NUL is text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        fc.pre(!text.includes('\u0000') && !text.startsWith('%PDF-'));
        expect(detectAttachmentType(Buffer.from(text, 'utf8'))).toBe('text/plain; charset=utf-8');
      }),
    );
  });
});

describe('attachmentSniffer (multipart uploads, chunk by chunk)', () => {
  const sniff = (chunks: Buffer[]) => {
    const sniffer = attachmentSniffer();
    const accepted = chunks.map((chunk) => sniffer.push(chunk));
    return { accepted, type: sniffer.end() };
  };

  it('decides like detectAttachmentType however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(PNG),
          fc.constant(PDF),
          fc.constant(JPEG),
          fc.string().map((text) => Buffer.from(text)),
          fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        (bytes, cuts) => {
          const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((start, index) => bytes.subarray(start, [...points, bytes.length][index]));
          expect(sniff(chunks).type).toBe(detectAttachmentType(bytes));
        },
      ),
    );
  });

  it('refuses at the first chunk that cannot be text, without waiting for the end', () => {
    const { accepted } = sniff([Buffer.from('log line\n'.repeat(10)), Buffer.from([0x41, 0, 0x42]), Buffer.from('x')]);
    expect(accepted).toEqual([true, false, false]);
  });

  it('keeps a UTF-8 character split across chunks, and refuses one cut off at the end', () => {
    const umlaut = Buffer.from('Überlast', 'utf8');
    expect(sniff([umlaut.subarray(0, 1), umlaut.subarray(1)]).type).toBe('text/plain; charset=utf-8');
    expect(sniff([Buffer.from('abcdefgh'), umlaut.subarray(0, 1)]).type).toBeNull();
  });
});

describe('sanitizeFilename', () => {
  it('keeps only the last path segment and drops dangerous characters', () => {
    expect(sanitizeFilename('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(sanitizeFilename('C:\\Users\\x\\scan.pdf')).toBe('scan.pdf');
    expect(sanitizeFilename('a"b;c\r\nd.png')).toBe('abcd.png');
    expect(sanitizeFilename('...hidden.log')).toBe('hidden.log');
    expect(sanitizeFilename('.png')).toBe('png');
    expect(sanitizeFilename('"""')).toBe('attachment');
  });

  it('always yields a short, single-segment name without control or quote characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const safe = sanitizeFilename(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(120 + 400);
        expect(safe).not.toMatch(/[/\\"\p{Cc};]/u);
        expect(safe.startsWith('.')).toBe(false);
      }),
    );
  });

  it('keeps the extension when shortening a long name', () => {
    const safe = sanitizeFilename(`${'x'.repeat(300)}.pdf`);
    expect(safe).toHaveLength(120);
    expect(safe.endsWith('.pdf')).toBe(true);
  });
});

describe('checkAttachments', () => {
  it('detects the type, hashes the bytes and keeps a clean name', () => {
    const [file] = checkAttachments([upload('Bildschirmfoto 1.PNG', PNG)]);
    expect(file).toMatchObject({ filename: 'Bildschirmfoto 1.PNG', contentType: 'image/png', sizeBytes: PNG.length });
    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses content that does not match its name, naming the field (415)', () => {
    const error = thrown(() => checkAttachments([upload('ok.txt', Buffer.from('hi')), upload('bild.png', PDF)]));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.extensions.errors).toEqual([
      { path: 'attachments.1.filename', code: 'fileNameMismatch', message: expect.any(String) },
    ]);
  });

  it('refuses unknown content whatever the name says (415)', () => {
    const error = thrown(() => checkAttachments([upload('scan.pdf', Buffer.from([0x4d, 0x5a, 0, 0]))]));
    expect(error.code).toBe('unsupported_media_type');
    expect(error.extensions.errors?.[0]?.path).toBe('attachments.0.data');
  });

  it('refuses a file over the cap (413)', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(ticketAttachmentLimits.maxFileBytes)]);
    const error = thrown(() => checkAttachments([upload('big.pdf', big)]));
    expect(error.code).toBe('payload_too_large');
  });

  it('refuses files that are too large together (413)', () => {
    const part = Buffer.concat([PDF, Buffer.alloc(ticketAttachmentLimits.maxFileBytes - PDF.length)]);
    const files = [1, 2, 3].map((n) => upload(`teil-${n}.pdf`, part));
    const error = thrown(() => checkAttachments(files));
    expect(error.code).toBe('payload_too_large');
    expect(error.extensions.errors).toEqual([{ path: 'attachments', message: expect.any(String) }]);
  });
});

describe('contentDisposition', () => {
  it('always says attachment, with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Größe (1).pdf')).toBe(
      'attachment; filename="Gr__e (1).pdf"; filename*=UTF-8\'\'Gr%C3%B6%C3%9Fe%20%281%29.pdf',
    );
  });
});
