import { ticketAttachmentLimits } from '@portal/contracts';
import { type ChangeEvent, useId } from 'react';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatSize, megabytes } from '../lib/attachment-files';
import { ticketMessages } from '../messages';

const accept = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.txt',
  '.log',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
];

/** Chooses files for a message; the chosen ones are listed and can be removed one by one. */
export function AttachmentPicker({
  files,
  onChange,
  error,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
}) {
  const t = useMessages(ticketMessages);
  const { language } = useLanguage();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    onChange([...files, ...Array.from(event.target.files ?? [])]);
    // Clearing the input lets the same file be chosen again after removing it.
    event.target.value = '';
  };

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t.attachments}</label>
      <input
        id={id}
        type="file"
        multiple
        accept={accept.join(',')}
        onChange={add}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
      />
      <p id={hintId} className="field-hint">
        {t.attachmentsHint(
          ticketAttachmentLimits.maxFiles,
          megabytes(ticketAttachmentLimits.maxFileBytes),
          megabytes(ticketAttachmentLimits.maxMessageBytes),
        )}
      </p>
      {files.length > 0 && (
        <ul className="chosen-files">
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              <span>
                {file.name} <span className="muted small">({formatSize(file.size, language)})</span>
              </span>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => onChange(files.filter((_, other) => other !== index))}
              >
                {t.removeAttachment(file.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
