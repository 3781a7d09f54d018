import { type TTicketCategory, ticketCategories } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { useMessages } from '../../../lib/i18n';
import { useCreateTicket } from '../api/create-ticket';
import { useProductChoices } from '../api/get-products';
import { checkFiles, toUploads } from '../lib/attachment-files';
import { attachmentsError, describeFileProblems, formError } from '../lib/form-errors';
import { ticketMessages } from '../messages';
import { AttachmentPicker } from './attachment-picker';

type Field = 'category' | 'subject' | 'message' | 'attachments';

export function NewTicketForm() {
  const t = useMessages(ticketMessages);
  const create = useCreateTicket();
  const products = useProductChoices();
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formKey, setFormKey] = useState(0);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const category = String(form.get('category') ?? '');
    const productId = String(form.get('productId') ?? '');
    const subject = String(form.get('subject') ?? '').trim();
    const message = String(form.get('message') ?? '').trim();
    const found: Partial<Record<Field, string>> = {
      ...(category ? {} : { category: t.required }),
      ...(subject ? (subject.length < 3 ? { subject: t.subjectTooShort } : {}) : { subject: t.required }),
      ...(message ? {} : { message: t.required }),
    };
    const fileProblems = describeFileProblems(checkFiles(files), t);
    if (fileProblems) found.attachments = fileProblems;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        category: category as TTicketCategory,
        subject,
        message,
        ...(productId ? { productId } : {}),
        attachments: await toUploads(files),
      },
      {
        onSuccess: () => {
          setFiles([]);
          // A new key gives a fresh, empty form for the next request.
          setFormKey((key) => key + 1);
        },
      },
    );
  };

  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (field: string) => errors[field as Field] ?? apiError?.fieldError(field);
  const problem = formError(create.error, t);

  return (
    <section aria-labelledby="new-ticket-heading" className="card">
      <h2 id="new-ticket-heading">{t.newTicketHeading}</h2>
      {create.isSuccess && (
        <Alert tone="success">
          {t.ticketCreated(create.data.number)} <Link to={paths.ticket(create.data.id)}>{t.openTicket}</Link>
        </Alert>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      <form key={formKey} onSubmit={onSubmit} noValidate>
        <SelectField label={t.category} name="category" required defaultValue="" error={fieldError('category')}>
          <option value="" disabled>
            {t.chooseCategory}
          </option>
          {ticketCategories.map((category) => (
            <option key={category} value={category}>
              {t[`category_${category}`]}
            </option>
          ))}
        </SelectField>
        {products.data && products.data.items.length > 0 && (
          <SelectField label={t.product} name="productId" defaultValue="" error={fieldError('productId')}>
            <option value="">{t.noProduct}</option>
            {products.data.items.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name} ({product.contractNumber})
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={t.subject} name="subject" required maxLength={200} error={fieldError('subject')} />
        <TextAreaField
          label={t.message}
          name="message"
          required
          maxLength={20_000}
          hint={t.messageHint}
          error={fieldError('message')}
        />
        <AttachmentPicker
          files={files}
          onChange={setFiles}
          error={errors.attachments ?? attachmentsError(create.error, t)}
        />
        <Button type="submit" busy={create.isPending}>
          {t.submitTicket}
        </Button>
      </form>
    </section>
  );
}
