import {
  staffRoleMay,
  type TAdminCustomerDetail,
  ZCancelInvoiceBody,
  ZDunningStopBody,
  ZUuid,
} from '@portal/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCancelInvoice, useStopDunning } from '../api/invoices';
import { backofficeMessages } from '../messages';
import { useStaffContext } from './staff-only';

const ZCancelForm = ZCancelInvoiceBody.extend({ invoiceId: ZUuid });
const ZDunningForm = ZDunningStopBody.extend({ invoiceId: ZUuid });

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

function CancelForm({ invoices }: Choices) {
  const t = useMessages(backofficeMessages);
  const cancel = useCancelInvoice();
  const form = useContractForm(ZCancelForm, { defaultValues: { invoiceId: '', reason: '' } });
  return (
    <Form
      form={form}
      error={cancel.error}
      onSubmit={(body) => cancel.mutate(body, { onError: (error) => applyServerErrors(form, error) })}
    >
      <h3>{t.cancelHeading}</h3>
      {cancel.data && <Alert tone="success">{t.invoiceCancelled(cancel.data.number)}</Alert>}
      <SelectInput name="invoiceId" label={t.invoice} required>
        <InvoiceOptions invoices={invoices} />
      </SelectInput>
      <InputField name="reason" label={t.reason} required maxLength={500} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={cancel.isPending}>
          {t.cancelInvoice}
        </Button>
      </div>
    </Form>
  );
}

function DunningForm({ invoices }: Choices) {
  const t = useMessages(backofficeMessages);
  const stop = useStopDunning();
  const form = useContractForm(ZDunningForm, { defaultValues: { invoiceId: '', reason: '' } });
  return (
    <Form
      form={form}
      error={stop.error}
      onSubmit={(body) => stop.mutate(body, { onError: (error) => applyServerErrors(form, error) })}
    >
      <h3>{t.dunningHeading}</h3>
      {stop.isSuccess && <Alert tone="success">{t.dunningStopped}</Alert>}
      <SelectInput name="invoiceId" label={t.invoice} required>
        <InvoiceOptions invoices={invoices} />
      </SelectInput>
      <InputField name="reason" label={t.reason} required maxLength={500} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={stop.isPending}>
          {t.dunningStop}
        </Button>
      </div>
    </Form>
  );
}
