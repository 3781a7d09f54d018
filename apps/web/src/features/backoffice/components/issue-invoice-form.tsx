import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useIssueInvoice } from '../api/invoices';
import { invoiceMessages } from '../invoice-messages';
import { emptyLine, ZIssueInvoiceForm } from '../lib/invoice-form';
import { CustomerPicker } from './customer-picker';
import { InvoiceLinesFieldset } from './invoice-lines-fieldset';

const issueSchema = withoutEmptyText(ZIssueInvoiceForm);
const newLine = { ...emptyLine, vatRate: 'standard' };
const blank = {
  customerId: '',
  servicePeriod: { start: '', end: '' },
  dueDate: '',
  lines: [newLine],
};

/** Billing issues an invoice: the customer found by search, the period, the due date and the lines. */
export function IssueInvoiceForm() {
  const t = useMessages(invoiceMessages);
  const issue = useIssueInvoice();
  const form = useContractForm(issueSchema, { defaultValues: blank as never });
  return (
    <section aria-labelledby="issue-heading" className="card">
      <h2 id="issue-heading">{t.issueHeading}</h2>
      {issue.data && <Alert tone="success">{t.issued(issue.data.number)}</Alert>}
      <Form
        form={form}
        error={issue.error}
        onSubmit={(body) =>
          issue.mutate(body, {
            onSuccess: () => form.reset(blank as never),
            onError: (error) => applyServerErrors(form, error),
          })
        }
      >
        <CustomerPicker />
        <div className="backoffice-fields">
          <InputField name="servicePeriod.start" label={t.servicePeriodStart} type="date" required />
          <InputField name="servicePeriod.end" label={t.servicePeriodEnd} type="date" required />
          <InputField name="dueDate" label={t.dueDate} type="date" hint={t.dueDateHint} />
        </div>
        <InvoiceLinesFieldset
          newLine={newLine}
          taxField={(index) => (
            <SelectInput name={`lines.${index}.vatRate`} label={t.vatRate}>
              <option value="standard">{t.vat_standard}</option>
              <option value="reduced">{t.vat_reduced}</option>
            </SelectInput>
          )}
        />
        <div className="form-actions">
          <Button type="submit" busy={issue.isPending}>
            {t.issue}
          </Button>
        </div>
      </Form>
    </section>
  );
}
