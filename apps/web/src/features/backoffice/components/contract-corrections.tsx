import { type TAdminContractDetail, type TContractChange, ZMoveContractEndBody } from '@portal/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { Form, InputField, TextAreaInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useErrorTexts } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { mutateThen } from '../../../lib/mutation';
import { useCancelContractChange, useMoveContractEnd } from '../api/contracts';
import { contractMessages } from '../contract-messages';

type Props = { contract: TAdminContractDetail };

/** Admins move the end of a cancelled or ended contract (a wrong date, or the customer's wish). */
export function MoveEndAction({ contract }: Props) {
  const t = useMessages(contractMessages);
  const move = useMoveContractEnd();
  const [open, setOpen] = useState(false);
  const defaults = { endDate: contract.cancellation?.effectiveDate ?? '', reason: '' };
  const form = useContractForm(ZMoveContractEndBody, { defaultValues: defaults });
  const submit = form.handleSubmit((body) =>
    move.mutate(
      { contractId: contract.id, ...body },
      { onSuccess: () => setOpen(false), onError: (error) => applyServerErrors(form, error) },
    ),
  );
  return (
    <div className="form-actions">
      <Button
        variant="secondary"
        onClick={() => {
          form.reset(defaults);
          move.reset();
          setOpen(true);
        }}
      >
        {t.moveEndButton}
      </Button>
      {move.isSuccess && <Alert tone="success">{t.endMoved}</Alert>}
      <ConfirmDialog
        open={open}
        title={t.moveEndDialogTitle(contract.contractNumber)}
        confirmLabel={t.moveEndButton}
        cancelLabel={t.back}
        busy={move.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => void submit()}
      >
        <p>{t.moveEndText}</p>
        <Form form={form} error={move.error} problems={{ conflict: t.moveEndConflict }} onSubmit={() => void submit()}>
          <InputField name="endDate" label={t.newEndDate} type="date" required />
          <TextAreaInput name="reason" label={t.reason} hint={t.reasonHint} required maxLength={2000} rows={3} />
        </Form>
      </ConfirmDialog>
    </div>
  );
}

/**
 * Admins take back a change whose day has not come: the customer's contract stays as it was. The
 * change leaves the list (and this button with it), so the list says that it worked: `onCancelled`,
 * through `mutateThen` (the button may be gone before the change settles).
 */
export function CancelChangeAction({
  contract,
  change,
  onCancelled,
}: Props & { change: TContractChange; onCancelled: (version: number) => void }) {
  const t = useMessages(contractMessages);
  const texts = useErrorTexts();
  const cancel = useCancelContractChange();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          cancel.reset();
          setOpen(true);
        }}
      >
        {t.cancelChangeButton(change.version)}
      </Button>
      <ConfirmDialog
        open={open}
        title={t.cancelChangeDialogTitle(change.version)}
        confirmLabel={t.cancelChangeConfirm}
        cancelLabel={t.back}
        danger
        busy={cancel.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          mutateThen(
            cancel,
            { contractId: contract.id, changeId: change.id },
            {
              onSuccess: () => {
                setOpen(false);
                onCancelled(change.version);
              },
            },
          )
        }
      >
        <p>{t.cancelChangeText}</p>
        {cancel.error && <p role="alert">{texts.problem(cancel.error, { conflict: t.cancelChangeConflict })}</p>}
      </ConfirmDialog>
    </>
  );
}
