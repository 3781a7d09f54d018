import { staffRoleMay, type TAdminCustomerDetail, ZCancelInvoiceBody, ZUuid } from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCancelInvoice, useStopDunning } from '../api/invoices';
import { backofficeMessages } from '../messages';
import { useStaffContext } from './staff-only';

// Both bodies are `{ reason }` (up to 500 characters); the invoice is the path's id.
const ZReasonForm = ZCancelInvoiceBody.extend({ invoiceId: ZUuid });

/** Billing on a customer's page: cancel an invoice (a cancellation invoice) or stop its dunning. */
export function InvoiceActions({ customer }: { customer: TAdminCustomerDetail }) {
  const t = useMessages(backofficeMessages);
  const { staffRole } = useStaffContext();
  const cancelable = customer.invoices.filter(
    (invoice) => invoice.kind === 'invoice' && invoice.status !== 'cancelled',
  );
  const open = customer.invoices.filter((invoice) => invoice.openAmount > 0);
  return (
    <section aria-labelledby="invoice-actions-heading" className="card">
      <h2 id="invoice-actions-heading">{t.invoiceActionsHeading}</h2>
      <div className="backoffice-columns">
        {staffRoleMay(staffRole, 'invoices') && <CancelForm invoices={cancelable} />}
        {staffRoleMay(staffRole, 'collections') && <DunningForm invoices={open} />}
      </div>
    </section>
  );
}

type Choices = { invoices: TAdminCustomerDetail['invoices'] };

function InvoiceOptions({ invoices }: Choices) {
  const t = useMessages(backofficeMessages);
  return (
    <>
      <option value="">{t.chooseInvoice}</option>
      {invoices.map((invoice) => (
        <option key={invoice.id} value={invoice.id}>
          {invoice.number}
        </option>
      ))}
    </>
  );
}

/** Either action takes an invoice and a reason; the cancellation answers its new invoice. */
function ReasonForm({
  invoices,
  heading,
  submit,
  mutation,
  done,
}: Choices & {
  heading: string;
  submit: string;
  mutation: ReturnType<typeof useCancelInvoice> | ReturnType<typeof useStopDunning>;
  done: string | null;
}) {
  const t = useMessages(backofficeMessages);
  const form = useContractForm(ZReasonForm, { defaultValues: { invoiceId: '', reason: '' } });
  return (
    <Form
      form={form}
      error={mutation.error}
      onSubmit={(body) => mutation.mutate(body, { onError: (error) => applyServerErrors(form, error) })}
    >
      <h3>{heading}</h3>
      {done && <Alert tone="success">{done}</Alert>}
      <SelectInput name="invoiceId" label={t.invoice} required>
        <InvoiceOptions invoices={invoices} />
      </SelectInput>
      <InputField name="reason" label={t.reason} required maxLength={500} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={mutation.isPending}>
          {submit}
        </Button>
      </div>
    </Form>
  );
}

function CancelForm({ invoices }: Choices) {
  const t = useMessages(backofficeMessages);
  const cancel = useCancelInvoice();
  return (
    <ReasonForm
      invoices={invoices}
      heading={t.cancelHeading}
      submit={t.cancelInvoice}
      mutation={cancel}
      done={cancel.data ? t.invoiceCancelled(cancel.data.number) : null}
    />
  );
}

function DunningForm({ invoices }: Choices) {
  const t = useMessages(backofficeMessages);
  const stop = useStopDunning();
  return (
    <ReasonForm
      invoices={invoices}
      heading={t.dunningHeading}
      submit={t.dunningStop}
      mutation={stop}
      done={stop.isSuccess ? t.dunningStopped : null}
    />
  );
}
