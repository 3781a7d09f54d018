import { type TInvoiceSummary, type TPayment, type TPaymentMethod, ZCreatePaymentBody } from '@portal/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, RadioGroupInput } from '../../../components/ui/form';
import { QueryState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { useContractForm } from '../../../lib/form';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCreatePayment } from '../api/create-payment';
import { usePaymentMethods } from '../api/get-payment-methods';
import { invoiceMessages } from '../messages';
import { TransferInstructions } from './transfer-instructions';

/**
 * Paying one invoice: choose a method, then follow its flow — the provider's hosted page for
 * cards, a direct debit announced for the next possible date, bank details with a GiroCode for a transfer.
 */
export function PaymentDialog({ invoice, onClose }: { invoice: TInvoiceSummary; onClose: () => void }) {
  const t = useMessages(invoiceMessages);
  const { language } = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const methods = usePaymentMethods(true);
  const pay = useCreatePayment();
  const form = useContractForm(ZCreatePaymentBody, { defaultValues: { method: undefined as never } });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [payment, setPayment] = useState<TPayment | null>(null);

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);

  const submit = ({ method }: { method: TPaymentMethod }) => {
    pay.mutate(
      { invoiceId: invoice.id, method, idempotencyKey: `${idempotencyKey}-${method}` },
      {
        onSuccess: (created) => {
          setPayment(created);
          if (created.nextAction?.type === 'redirect') window.location.assign(created.nextAction.url);
        },
      },
    );
  };

  return (
    <dialog ref={dialogRef} className="dialog payment-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t.dialogTitle(invoice.number)}</h2>
      <p>{t.amountDue(formatMoney(invoice.openAmount, language))}</p>
      {payment ? (
        <div aria-live="polite">
          {payment.nextAction?.type === 'redirect' && <Alert tone="info">{t.redirecting}</Alert>}
          {payment.nextAction?.type === 'direct_debit' && (
            <Alert tone="success">{t.sepaAnnounced(formatDate(payment.nextAction.collectionDate, language))}</Alert>
          )}
          {payment.nextAction?.type === 'bank_transfer' && (
            <>
              <p>{t.transferIntro}</p>
              <TransferInstructions instructions={payment.nextAction.instructions} />
            </>
          )}
          <div className="dialog-actions">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t.close}
            </Button>
          </div>
        </div>
      ) : (
        <Form form={form} error={pay.error} problems={{ conflict: t.inFlight }} onSubmit={submit}>
          <QueryState query={methods}>
            {(data) => (
              <RadioGroupInput
                name="method"
                legend={t.chooseMethod}
                errorName={t.method}
                options={data.items.map((option) => ({
                  value: option.method,
                  label: t[`method_${option.method}`],
                  disabled: !option.available,
                  hint:
                    option.reason === 'no_sepa_mandate' ? (
                      <>
                        {t.reason_no_sepa_mandate} <Link to={paths.accountBank}>{t.toBankDetails}</Link>
                      </>
                    ) : option.reason ? (
                      t[`reason_${option.reason}`]
                    ) : undefined,
                }))}
              />
            )}
          </QueryState>
          <div className="dialog-actions">
            <Button type="submit" busy={pay.isPending}>
              {t.confirm}
            </Button>
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              {t.cancel}
            </Button>
          </div>
        </Form>
      )}
    </dialog>
  );
}
