import { ticketCategories } from '@portal/contracts';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput, TextAreaInput } from '../../../components/ui/form';
import { paths } from '../../../config/paths';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCreateTicket } from '../api/create-ticket';
import { useProductChoices } from '../api/get-products';
import { newTicketSchema } from '../lib/ticket-forms';
import { ticketMessages } from '../messages';
import { AttachmentPicker } from './attachment-picker';

const schema = withoutEmptyText(newTicketSchema);

export function NewTicketForm() {
  const t = useMessages(ticketMessages);
  const create = useCreateTicket();
  const products = useProductChoices();
  const form = useContractForm(schema, {
    defaultValues: { category: '' as never, productId: '', subject: '', message: '', attachments: [] },
  });

  return (
    <section aria-labelledby="new-ticket-heading" className="card">
      <h2 id="new-ticket-heading">{t.newTicketHeading}</h2>
      {create.isSuccess && (
        <Alert tone="success">
          {t.ticketCreated(create.data.number)} <Link to={paths.ticket(create.data.id)}>{t.openTicket}</Link>
        </Alert>
      )}
      <Form
        form={form}
        error={create.error}
        problems={{ rate_limited: t.throttled }}
        onSubmit={({ attachments, ...ticket }) =>
          create.mutate(
            { ticket, files: attachments },
            {
              // A fresh, empty form for the next request.
              onSuccess: () => form.reset(),
              onError: (error) => applyServerErrors(form, error),
            },
          )
        }
      >
        <SelectInput name="category" label={t.category} required>
          <option value="" disabled>
            {t.chooseCategory}
          </option>
          {ticketCategories.map((category) => (
            <option key={category} value={category}>
              {t[`category_${category}`]}
            </option>
          ))}
        </SelectInput>
        {products.data && products.data.items.length > 0 && (
          <SelectInput name="productId" label={t.product} errorName={t.productShort}>
            <option value="">{t.noProduct}</option>
            {products.data.items.map((product) => (
              <option key={product.id} value={product.id}>
                {t.productChoice(product.name, product.contractNumber)}
              </option>
            ))}
          </SelectInput>
        )}
        <InputField name="subject" label={t.subject} required maxLength={200} />
        <TextAreaInput name="message" label={t.message} required maxLength={20_000} hint={t.messageHint} />
        <AttachmentPicker />
        <Button type="submit" busy={create.isPending || form.formState.isSubmitting}>
          {t.submitTicket}
        </Button>
      </Form>
    </section>
  );
}
