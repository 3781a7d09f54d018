import { invoiceRoutes } from '@portal/contracts';
import { ApiError, contractUrl } from '../../../lib/api-client';

/**
 * Fetches the invoice PDF, reporting progress (the first download renders it, later ones
 * stream the archived copy), and hands it to the browser as a file.
 */
export async function downloadInvoicePdf(id: string, number: string, onProgress: (percent: number) => void) {
  const response = await fetch(contractUrl(invoiceRoutes.pdf, { params: { id } }), { credentials: 'same-origin' });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(
      response.status,
      problem ?? { type: 'about:blank', title: 'PDF', status: response.status, code: 'internal', requestId: '' },
    );
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total > 0) onProgress(Math.min(99, Math.round((received / total) * 100)));
    }
  }
  onProgress(100);
  const blob = new Blob(chunks as BlobPart[], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${number}.pdf`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
