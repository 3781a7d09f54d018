import type { ArchivedFile } from './invoice-archive.service';

/**
 * The HTTP answer for an archived document, for customers and staff alike: the bytes with their
 * SHA-256 as ETag (304 when the client has them), the PDF shown inline, the XML downloaded.
 */
export function archivedFileAnswer(file: ArchivedFile, ifNoneMatch: string | undefined) {
  const headers = { etag: file.etag, 'cache-control': 'private, no-cache' };
  if (ifNoneMatch === file.etag) return { status: 304 as const, body: null, headers };
  const disposition = file.contentType === 'application/pdf' ? 'inline' : 'attachment';
  return {
    status: 200 as const,
    body: file.bytes,
    headers: {
      ...headers,
      'content-type': file.contentType,
      'content-disposition': `${disposition}; filename="${file.filename}"`,
    },
  };
}
