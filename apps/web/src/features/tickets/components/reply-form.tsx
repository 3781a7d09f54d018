import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useMessages } from '../../../lib/i18n';
import { useCloseTicket } from '../api/close-ticket';
import { useReplyToTicket } from '../api/reply-to-ticket';
import { checkFiles, toUploads } from '../lib/attachment-files';
import { attachmentsError, describeFileProblems, formError } from '../lib/form-errors';
import { ticketMessages } from '../messages';
import { AttachmentPicker } from './attachment-picker';

/** Reply box of an open ticket, with the button that closes it. */
export function ReplyForm({ ticketId }: { ticketId: string }) {
  const t = useMessages(ticketMessages);
  const reply = useReplyToTicket(ticketId);
  const close = useCloseTicket(ticketId);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ body?: string; attachments?: string }>({});
  const [formKey, setFormKey] = useState(0);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get('body') ?? '').trim();
    const fileProblems = describeFileProblems(checkFiles(files), t);
    const found = { ...(body ? {} : { body: t.required }), ...(fileProblems ? { attachments: fileProblems } : {}) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reply.mutate(
      { body, attachments: await toUploads(files) },
      {
        onSuccess: () => {
          setFiles([]);
          setFormKey((key) => key + 1);
        },
      },
    );
  };

  const onClose = () => {
    if (window.confirm(t.confirmClose)) close.mutate();
  };

  const apiError = reply.error instanceof ApiError ? reply.error : undefined;
  const problem = formError(reply.error, t) ?? formError(close.error, t);

  return (
    <section aria-labelledby="reply-heading" className="card">
      <h2 id="reply-heading">{t.replyHeading}</h2>
      {reply.isSuccess && <Alert tone="success">{t.replySent}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}
      <form key={formKey} onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={t.reply}
          name="body"
          required
          maxLength={20_000}
          hint={t.messageHint}
          error={errors.body ?? apiError?.fieldError('body')}
        />
        <AttachmentPicker
          files={files}
          onChange={setFiles}
          error={errors.attachments ?? attachmentsError(reply.error, t)}
        />
        <div className="form-actions">
          <Button type="submit" busy={reply.isPending}>
            {t.sendReply}
          </Button>
          <Button variant="secondary" onClick={onClose} busy={close.isPending}>
            {t.closeTicket}
          </Button>
        </div>
      </form>
    </section>
  );
}
