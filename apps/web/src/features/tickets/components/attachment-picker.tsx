import { ticketAttachmentLimits } from '@portal/contracts';
import { type ChangeEvent, useId } from 'react';
import { get, useController, useFormContext } from 'react-hook-form';
import { decodeFieldError, useErrorTexts } from '../../../lib/form-errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { checkFiles, formatSize, megabytes } from '../lib/attachment-files';
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

/**
 * The `attachments` field of a ticket form: a styled button opens the file chooser, the chosen
 * files are listed with their size and any problem, and each can be removed again.
 */
export function AttachmentPicker() {
  const t = useMessages(ticketMessages);
  const { language } = useLanguage();
  const texts = useErrorTexts();
  const { control, formState } = useFormContext();
  const { field } = useController({ name: 'attachments', control });
  const files = (field.value ?? []) as File[];
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const fieldError = get(formState.errors, 'attachments') as { message?: string } | undefined;
  const error = fieldError ? texts.field(decodeFieldError(fieldError.message), t.attachmentsName) : undefined;
  const problems = checkFiles(files);
  const problemOf = (file: File) => {
    const found = problems.find((problem) => 'name' in problem && problem.name === file.name);
    if (!found) return null;
    return found.kind === 'type' ? t.fileTypeRefused : t.fileTooLarge(megabytes(ticketAttachmentLimits.maxFileBytes));
  };

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    field.onChange([...files, ...Array.from(event.target.files ?? [])]);
    // Clearing the input lets the same file be chosen again after removing it.
    event.target.value = '';
  };

  return (
    <fieldset className={error ? 'field attachments field-invalid' : 'field attachments'}>
      <legend>{t.attachments}</legend>
      <p id={hintId} className="field-hint">
        {t.attachmentsHint(
          ticketAttachmentLimits.maxFiles,
          megabytes(ticketAttachmentLimits.maxFileBytes),
          megabytes(ticketAttachmentLimits.maxMessageBytes),
        )}
      </p>
      <div className="file-picker">
        <input
          id={id}
          className="file-input"
          type="file"
          multiple
          accept={accept.join(',')}
          onChange={add}
          onBlur={field.onBlur}
          ref={field.ref}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={id} className="btn btn-secondary">
          {t.chooseFiles}
        </label>
        {files.length === 0 && <span className="muted small">{t.noFilesChosen}</span>}
      </div>
      {files.length > 0 && (
        <ul className="chosen-files">
          {files.map((file, index) => {
            const problem = problemOf(file);
            return (
              <li
                key={`${file.name}-${file.size}-${file.lastModified}`}
                className={problem ? 'file-refused' : undefined}
              >
                <span>
                  {file.name} <span className="muted small">({formatSize(file.size, language)})</span>
                  {problem && <span className="field-error">{problem}</span>}
                </span>
                <button
                  type="button"
                  className="btn btn-link"
                  onClick={() => field.onChange(files.filter((_, other) => other !== index))}
                >
                  {t.removeAttachment(file.name)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
