import { type TAdminTicket, ticketStatuses, ZAdminReplyBody, ZTicketNoteBody } from '@portal/contracts';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, SelectInput, TextAreaInput } from '../../../components/ui/form';
import { PageHeader } from '../../../components/ui/page-header';
import { QueryState } from '../../../components/ui/states';
import { TicketStatusBadge } from '../../../components/ui/status-badges';
import { paths } from '../../../config/paths';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { AttachmentPicker } from '../../tickets/components/attachment-picker';
import { staffReplySchema } from '../../tickets/lib/ticket-forms';
import { useAddNote, useAssignTicket, useSetTicketStatus, useStaffReply, useStaffTicket } from '../api/tickets';
import { StaffOnly, useStaffContext } from '../components/staff-only';
import { backofficeMessages } from '../messages';

/** One ticket for staff: customer, thread, reply, internal notes, status and assignment. */
export function StaffTicketPage() {
  return (
    <StaffOnly permission="tickets">
      <StaffTicket />
    </StaffOnly>
  );
}

function StaffTicket() {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const ticket = useStaffTicket(id);
  return (
    <>
      <p>
        <Link to={paths.backoffice}>← {t.backToQueue}</Link>
      </p>
      <QueryState query={ticket} asPage problems={{ not_found: t.ticketNotFound }}>
        {(data) => (
          <>
            <PageHeader
              title={t.ticketTitle(data.number, data.subject)}
              actions={<TicketStatusBadge status={data.status} />}
            />
            <div className="backoffice-columns">
              <div>
                <section aria-labelledby="thread-heading" className="card">
                  <h2 id="thread-heading">{t.threadHeading}</h2>
                  <ol className="thread">
                    {data.messages.map((message) => (
                      <li key={message.id}>
                        <article aria-label={message.author === 'staff' ? t.fromStaff : t.fromCustomer}>
                          <p className="muted small">
                            <strong>{message.author === 'staff' ? t.fromStaff : t.fromCustomer}</strong>{' '}
                            {formatDateTime(message.createdAt, language)}
                            {message.attachments.length > 0 && ` · ${t.attachmentsCount(message.attachments.length)}`}
                          </p>
                          <p className="pre-wrap">{message.body}</p>
                        </article>
                      </li>
                    ))}
                  </ol>
                </section>
                {data.status !== 'closed' && <StaffReplyForm ticket={data} />}
              </div>
              <div>
                <CustomerCard ticket={data} />
                <HandlingCard ticket={data} />
                <NotesCard ticket={data} />
              </div>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}

function CustomerCard({ ticket }: { ticket: TAdminTicket }) {
  const t = useMessages(backofficeMessages);
  const { customer } = ticket;
  return (
    <section aria-labelledby="customer-heading" className="card">
      <h2 id="customer-heading">{t.customerHeading}</h2>
      <p>
        <Link to={paths.backofficeCustomer(customer.id)}>
          <strong>{customer.company ?? customer.name}</strong>
        </Link>
        {customer.company && <span className="muted"> · {customer.name}</span>}
      </p>
      {customer.customerNumber && <p className="small">{t.customerNumber(customer.customerNumber)}</p>}
      <p className="small">
        <a href={`mailto:${customer.email}`}>{customer.email}</a>
      </p>
    </section>
  );
}

function StatusOptions() {
  const t = useMessages(backofficeMessages);
  return ticketStatuses.map((status) => (
    <option key={status} value={status}>
      {t[`ticketStatus_${status}`]}
    </option>
  ));
}

function StaffReplyForm({ ticket }: { ticket: TAdminTicket }) {
  const t = useMessages(backofficeMessages);
  const reply = useStaffReply(ticket.id);
  const form = useContractForm(staffReplySchema, {
    defaultValues: { body: '', status: 'waiting_for_customer', attachments: [] },
  });
  return (
    <section aria-labelledby="reply-heading" className="card">
      <h2 id="reply-heading">{t.replyHeading}</h2>
      {reply.isSuccess && <Alert tone="success">{t.replySent}</Alert>}
      <Form
        form={form}
        error={reply.error}
        onSubmit={({ attachments, ...body }) =>
          reply.mutate(
            { body, files: attachments },
            { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) },
          )
        }
      >
        <TextAreaInput name="body" label={t.reply} required maxLength={20_000} rows={6} />
        <AttachmentPicker />
        <SelectInput name="status" label={t.replyStatus}>
          <StatusOptions />
        </SelectInput>
        <div className="form-actions">
          <Button type="submit" busy={reply.isPending}>
            {t.sendReply}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function HandlingCard({ ticket }: { ticket: TAdminTicket }) {
  const t = useMessages(backofficeMessages);
  const texts = useErrorTexts();
  const { staffUserId } = useStaffContext();
  const setStatus = useSetTicketStatus(ticket.id);
  const assign = useAssignTicket(ticket.id);
  const form = useContractForm(ZAdminReplyBody.pick({ status: true }), { defaultValues: { status: ticket.status } });
  const error = setStatus.error ?? assign.error;
  return (
    <section aria-labelledby="handling-heading" className="card">
      <h2 id="handling-heading">{t.manageHeading}</h2>
      {error && <Alert tone="error">{texts.problem(error)}</Alert>}
      <p>
        {t.assignee}: <strong data-testid="assignee">{ticket.assignee?.name ?? t.unassigned}</strong>
      </p>
      <div className="form-actions">
        {ticket.assignee?.id !== staffUserId && (
          <Button
            variant="secondary"
            busy={assign.isPending}
            onClick={() => assign.mutate({ assigneeId: staffUserId })}
          >
            {t.assignToMe}
          </Button>
        )}
        {ticket.assignee && (
          <Button variant="secondary" busy={assign.isPending} onClick={() => assign.mutate({ assigneeId: null })}>
            {t.release}
          </Button>
        )}
      </div>
      <Form form={form} onSubmit={({ status }) => setStatus.mutate({ status })}>
        <SelectInput name="status" label={t.status}>
          <StatusOptions />
        </SelectInput>
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={setStatus.isPending}>
            {t.setStatus}
          </Button>
        </div>
      </Form>
    </section>
  );
}

function NotesCard({ ticket }: { ticket: TAdminTicket }) {
  const t = useMessages(backofficeMessages);
  const { language } = useLanguage();
  const addNote = useAddNote(ticket.id);
  const form = useContractForm(ZTicketNoteBody, { defaultValues: { body: '' } });
  return (
    <section aria-labelledby="notes-heading" className="card">
      <h2 id="notes-heading">{t.notesHeading}</h2>
      <p className="muted small">{t.notesIntro}</p>
      {ticket.notes.length === 0 ? (
        <p>{t.noNotes}</p>
      ) : (
        <ul className="notes">
          {ticket.notes.map((note) => (
            <li key={note.id}>
              <p className="muted small">
                {formatDateTime(note.createdAt, language)}
                {note.author && ` · ${t.noteBy(note.author)}`}
              </p>
              <p className="pre-wrap">{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      <Form
        form={form}
        error={addNote.error}
        onSubmit={(body) =>
          addNote.mutate(body, { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) })
        }
      >
        <TextAreaInput name="body" label={t.note} required maxLength={20_000} rows={3} />
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={addNote.isPending}>
            {t.addNote}
          </Button>
        </div>
      </Form>
    </section>
  );
}
