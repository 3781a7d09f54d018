import { type TAdminContractDetail, ZEndContractBody } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Form, InputField, TextAreaInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useChangeContract, useEndContract } from '../api/contracts';
import { contractMessages } from '../contract-messages';
import { centsAsEuroText, ZChangeContractForm } from '../lib/contract-form';
import { ContractTermsFields } from './contract-terms-fields';

type Props = { contract: TAdminContractDetail };

/** Today in the browser's calendar, as a date field's value. */
const todayText = () => new Date().toLocaleDateString('en-CA');

/** Admins change price or terms of a running contract, or end it. */
export function ContractActions({ contract }: Props) {
  if (contract.status !== 'active') return null;
  return (
    <div className="form-actions">
      <ChangeAction contract={contract} />
      <EndAction contract={contract} />
    </div>
  );
}

function ChangeAction({ contract }: Props) {
  const t = useMessages(contractMessages);
  const change = useChangeContract();
  const [open, setOpen] = useState(false);
  const defaults = {
    effectiveDate: todayText(),
    price: { amount: centsAsEuroText(contract.price.amount), interval: contract.price.interval },
    minimumTermMonths: String(contract.contract.minimumTermMonths),
    noticePeriodMonths: String(contract.contract.noticePeriodMonths),
    renewalMonths: String(contract.contract.renewalMonths),
    reason: '',
  };
  const form = useContractForm(ZChangeContractForm, { defaultValues: defaults as never });
  const submit = form.handleSubmit((body) =>
    change.mutate(
      { contractId: contract.id, ...body },
      { onSuccess: () => setOpen(false), onError: (error) => applyServerErrors(form, error) },
    ),
  );
  const latest = change.data?.changes[0];
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          form.reset(defaults as never);
          setOpen(true);
        }}
      >
        {t.changeButton}
      </Button>
      {latest && <Alert tone="success">{t.changed(latest.version)}</Alert>}
      <ConfirmDialog
        open={open}
        title={t.changeDialogTitle(contract.contractNumber)}
        confirmLabel={t.saveChange}
        cancelLabel={t.back}
        busy={change.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => void submit()}
      >
        <p>{t.changeText}</p>
        <Form
          form={form}
          error={change.error}
          problems={{ conflict: t.conflict, unprocessable: t.unprocessable }}
          onSubmit={() => void submit()}
        >
          <InputField name="effectiveDate" label={t.effectiveDate} hint={t.effectiveDateHint} type="date" required />
          <ContractTermsFields />
          <TextAreaInput name="reason" label={t.reason} hint={t.reasonHint} required maxLength={2000} rows={3} />
        </Form>
      </ConfirmDialog>
    </>
  );
}

function EndAction({ contract }: Props) {
  const t = useMessages(contractMessages);
  const end = useEndContract();
  const [open, setOpen] = useState(false);
  const defaults = { endDate: contract.contract.earliestEndDate ?? todayText(), reason: '' };
  const form = useContractForm(ZEndContractBody, { defaultValues: defaults });
  const submit = form.handleSubmit((body) =>
    end.mutate(
      { contractId: contract.id, ...body },
      { onSuccess: () => setOpen(false), onError: (error) => applyServerErrors(form, error) },
    ),
  );
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          form.reset(defaults);
          setOpen(true);
        }}
      >
        {t.endButton}
      </Button>
      {end.isSuccess && <Alert tone="success">{t.ended}</Alert>}
      <ConfirmDialog
        open={open}
        title={t.endDialogTitle(contract.contractNumber)}
        confirmLabel={t.endButton}
        cancelLabel={t.back}
        danger
        busy={end.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => void submit()}
      >
        <p>{t.endText}</p>
        <Form form={form} error={end.error} problems={{ conflict: t.conflict }} onSubmit={() => void submit()}>
          <InputField name="endDate" label={t.endDateLabel} type="date" required />
          <TextAreaInput name="reason" label={t.reason} hint={t.reasonHint} required maxLength={2000} rows={3} />
        </Form>
      </ConfirmDialog>
    </>
  );
}
