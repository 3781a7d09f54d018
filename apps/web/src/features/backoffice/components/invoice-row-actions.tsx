import { type TAdminInvoiceListItem, ZCancelInvoiceBody } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCancelInvoice, useCorrectInvoice } from '../api/invoices';
import { invoiceMessages } from '../invoice-messages';
import { emptyLine, ZCorrectInvoiceForm } from '../lib/invoice-form';
import { InvoiceLinesFieldset } from './invoice-lines-fieldset';

type Row = { invoice: TAdminInvoiceListItem };

/** An unpaid invoice is cancelled (Stornorechnung); a paid one is corrected (credit). */
export function InvoiceRowActions({ invoice }: Row) {
  if (invoice.kind !== 'invoice') return null;
  if (invoice.status === 'open' || invoice.status === 'overdue') return <CancelAction invoice={invoice} />;
  if (invoice.status === 'paid') return <CorrectAction invoice={invoice} />;
  return null;
}

function CancelAction({ invoice }: Row) {
  const t = useMessages(invoiceMessages);
  const cancel = useCancelInvoice();
  const [asking, setAsking] = useState(false);
  const form = useContractForm(ZCancelInvoiceBody, { defaultValues: { reason: '' } });
  const submit = form.handleSubmit((body) =>
    cancel.mutate(
      { invoiceId: invoice.id, ...body },
      { onSuccess: () => setAsking(false), onError: (error) => applyServerErrors(form, error) },
    ),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t.cancelInvoice}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t.cancelTitle(invoice.number)}
        confirmLabel={t.cancelInvoice}
        cancelLabel={t.back}
        danger
        busy={cancel.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => void submit()}
      >
        <p>{t.cancelText}</p>
        <Form form={form} error={cancel.error} onSubmit={() => void submit()}>
          <InputField name="reason" label={t.reason} required maxLength={500} />
        </Form>
      </ConfirmDialog>
    </>
  );
}

const correctionLine = { ...emptyLine, unit: 'Stk', taxRate: '19' };

function CorrectAction({ invoice }: Row) {
  const t = useMessages(invoiceMessages);
  const correct = useCorrectInvoice();
  const [open, setOpen] = useState(false);
  const form = useContractForm(ZCorrectInvoiceForm, {
    defaultValues: { reason: '', lines: [correctionLine] } as never,
  });
  const submit = form.handleSubmit((body) =>
    correct.mutate(
      { invoiceId: invoice.id, ...body },
      { onSuccess: () => setOpen(false), onError: (error) => applyServerErrors(form, error) },
    ),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t.correctInvoice}
      </Button>
      {correct.data && <Alert tone="success">{t.corrected(correct.data.number)}</Alert>}
      <ConfirmDialog
        open={open}
        title={t.correctTitle(invoice.number)}
        confirmLabel={t.correctInvoice}
        cancelLabel={t.back}
        busy={correct.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => void submit()}
      >
        <p>{t.correctText}</p>
        <Form form={form} error={correct.error} onSubmit={() => void submit()}>
          <InputField name="reason" label={t.reason} required maxLength={500} />
          <InvoiceLinesFieldset
            newLine={correctionLine}
            taxField={(index) => (
              <SelectInput name={`lines.${index}.taxRate`} label={t.taxRate}>
                {['19', '7', '0'].map((rate) => (
                  <option key={rate} value={rate}>
                    {rate}
                  </option>
                ))}
              </SelectInput>
            )}
          />
        </Form>
      </ConfirmDialog>
    </>
  );
}
