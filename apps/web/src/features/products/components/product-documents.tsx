import type { TContractDocument } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState, QueryState } from '../../../components/ui/states';
import { formatDate, formatNumber } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { downloadProductDocument, useProductDocuments } from '../api/get-product-documents';
import { productsMessages } from '../messages';

/** The "Vertragliches" tab: every contract document, downloadable as the stored PDF. */
export function ProductDocuments({ productId, contractNumber }: { productId: string; contractNumber: string }) {
  const t = useMessages(productsMessages);
  const { language } = useLanguage();
  const documents = useProductDocuments(productId);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const download = async (document: TContractDocument) => {
    setBusyId(document.id);
    setFailed(false);
    try {
      await downloadProductDocument(productId, document);
    } catch {
      setFailed(true);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t.documentsTitle}</h2>
      {failed && <Alert tone="error">{t.downloadFailed}</Alert>}
      <QueryState
        query={documents}
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState title={t.documentsEmpty} />}
      >
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.colDocument}</th>
                <th scope="col">{t.colAccepted}</th>
                <th scope="col" className="num">
                  {t.colSize}
                </th>
                <th scope="col">{t.colDownload}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((document) => (
                <tr key={document.id}>
                  <td data-label={t.colDocument}>
                    <span className="document-title">
                      {document.title} {/* The order confirmation's title names its contract already. */}
                      {!document.title.includes(document.version) && (
                        <span className="muted small">
                          {document.version === contractNumber
                            ? t.documentOfContract(contractNumber)
                            : t.documentVersion(document.version)}
                        </span>
                      )}
                      {!document.current && <span className="muted small">{t.documentArchived}</span>}
                    </span>
                  </td>
                  <td data-label={t.colAccepted}>{formatDate(document.acceptedOn, language)}</td>
                  <td data-label={t.colSize} className="num">
                    {t.kilobytes(formatNumber(Math.ceil(document.sizeBytes / 1024), language))}
                  </td>
                  <td data-label={t.colDownload}>
                    <Button
                      variant="secondary"
                      aria-label={t.download(document.title)}
                      busy={busyId === document.id}
                      onClick={() => void download(document)}
                    >
                      {t.downloadShort}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
