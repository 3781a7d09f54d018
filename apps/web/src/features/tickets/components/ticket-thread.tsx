import type { TTicket } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { downloadAttachment } from '../api/download-attachment';
import { formatSize } from '../lib/attachment-files';
import { ticketMessages } from '../messages';

/** The messages of a ticket, oldest first. Bodies are plain text and rendered as text only. */
export function TicketThread({ ticket }: { ticket: TTicket }) {
  const t = useMessages(ticketMessages);
  const { language } = useLanguage();
  const texts = useErrorTexts();
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const download = (attachmentId: string, filename: string) => {
    setDownloadError(null);
    downloadAttachment(ticket.id, attachmentId, filename).catch((error: unknown) =>
      setDownloadError(texts.problem(error)),
    );
  };

  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t.threadHeading}</h2>
      {downloadError && <Alert tone="error">{downloadError}</Alert>}
      <ol className="thread">
        {ticket.messages.map((message) => (
          <li key={message.id} className={`card thread-message thread-${message.author}`}>
            <article aria-label={message.author === 'staff' ? t.authorStaff : t.authorCustomer}>
              <header className="card-head">
                <strong>{message.author === 'staff' ? t.authorStaff : t.authorCustomer}</strong>
                <time className="muted small" dateTime={message.createdAt}>
                  {formatDateTime(message.createdAt, language)}
                </time>
              </header>
              <p className="pre-wrap">{message.body}</p>
              {message.attachments.length > 0 && (
                <ul className="thread-attachments">
                  {message.attachments.map((attachment) => (
                    <li key={attachment.id}>
                      <button
                        type="button"
                        className="btn btn-link"
                        onClick={() => download(attachment.id, attachment.filename)}
                      >
                        {t.download(attachment.filename, formatSize(attachment.sizeBytes, language))}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
