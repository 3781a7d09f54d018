import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Form, TextAreaInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { useCloseTicket } from '../api/close-ticket';
import { useReplyToTicket } from '../api/reply-to-ticket';
import { replySchema } from '../lib/ticket-forms';
import { ticketMessages } from '../messages';
import { AttachmentPicker } from './attachment-picker';

/** Reply box of an open ticket, with the button that closes it (after asking). */
export function ReplyForm({ ticketId }: { ticketId: string }) {
  const t = useMessages(ticketMessages);
  const texts = useErrorTexts();
  const reply = useReplyToTicket(ticketId);
  const close = useCloseTicket(ticketId);
  const [asking, setAsking] = useState(false);
  const form = useContractForm(replySchema, { defaultValues: { body: '', attachments: [] } });

  return (
    <section aria-labelledby="reply-heading" className="card">
      <h2 id="reply-heading">{t.replyHeading}</h2>
      {reply.isSuccess && <Alert tone="success">{t.replySent}</Alert>}
      {close.error ? <Alert tone="error">{texts.problem(close.error)}</Alert> : null}
      <Form
        form={form}
        error={reply.error}
        problems={{ rate_limited: t.throttled }}
        onSubmit={({ body, attachments }) =>
          reply.mutate(
            { body: { body }, files: attachments },
            { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) },
          )
        }
      >
        <TextAreaInput name="body" label={t.reply} required maxLength={20_000} hint={t.messageHint} />
        <AttachmentPicker />
        <div className="form-actions">
          <Button type="submit" busy={reply.isPending || form.formState.isSubmitting}>
            {t.sendReply}
          </Button>
          <Button variant="secondary" onClick={() => setAsking(true)} busy={close.isPending}>
            {t.closeTicket}
          </Button>
        </div>
      </Form>
      <ConfirmDialog
        open={asking}
        title={t.confirmCloseTitle}
        confirmLabel={t.confirmCloseYes}
        cancelLabel={t.cancel}
        busy={close.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => close.mutate(undefined, { onSettled: () => setAsking(false) })}
      >
        <p>{t.confirmClose}</p>
      </ConfirmDialog>
    </section>
  );
}
