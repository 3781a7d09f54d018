import type { TInvoiceSummary, TPayment, TPaymentMethod } from '@portal/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorState, QueryState } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
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
  const [method, setMethod] = useState<TPaymentMethod | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [payment, setPayment] = useState<TPayment | null>(null);

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);

  const submit = () => {
    if (!method) return;
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

  const conflict = pay.error instanceof ApiError && pay.error.status === 409;

  return (
    <dialog ref={dialogRef} className="payment-dialog" aria-labelledby={titleId} onClose={onClose}>
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
        </div>
      ) : (
        <QueryState query={methods}>
          {(data) => (
            <fieldset className="payment-methods">
              <legend>{t.chooseMethod}</legend>
              {data.items.map((option) => (
                <label key={option.method} className={option.available ? 'method' : 'method method-unavailable'}>
                  <input
                    type="radio"
                    name="payment-method"
                    value={option.method}
                    disabled={!option.available}
                    checked={method === option.method}
                    onChange={() => setMethod(option.method)}
                  />
                  <span>
                    {t[`method_${option.method}`]}
                    {option.reason && <span className="small muted method-reason">{t[`reason_${option.reason}`]}</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </QueryState>
      )}
      {pay.isError && (conflict ? <Alert tone="warning">{t.inFlight}</Alert> : <ErrorState error={pay.error} />)}
      <div className="dialog-actions">
        {!payment && (
          <Button onClick={submit} disabled={!method} busy={pay.isPending}>
            {t.confirm}
          </Button>
        )}
        <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
          {payment ? t.close : t.cancel}
        </Button>
      </div>
    </dialog>
  );
}
