import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useMessages } from '../../../lib/i18n';
import { downloadInvoicePdf } from '../api/download-invoice-pdf';
import { invoiceMessages } from '../messages';

/** "PDF" with visible progress; a failure is announced next to the button. */
export function PdfDownloadButton({ id, number }: { id: string; number: string }) {
  const t = useMessages(invoiceMessages);
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  const download = async () => {
    setFailed(false);
    setProgress(0);
    try {
      await downloadInvoicePdf(id, number, setProgress);
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <span className="pdf-download">
      <Button variant="secondary" busy={progress !== null} aria-label={t.pdfOf(number)} onClick={() => void download()}>
        {t.pdf}
      </Button>
      {progress !== null && (
        <progress max={100} value={progress} aria-label={t.pdfLoading(progress)}>
          {progress} %
        </progress>
      )}
      {failed && (
        <span role="alert" className="field-error">
          {t.pdfFailed}
        </span>
      )}
    </span>
  );
}
