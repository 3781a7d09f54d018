import type { TCancellationType, TProductDetail } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCancelProduct } from '../api/cancel-product';
import { cancellationMessages } from '../cancellation-messages';
import { CancellationTypeField } from './cancellation-type-field';

interface Draft {
  type: TCancellationType;
  reason: string;
  endDate: string;
}

/**
 * Two steps: the form, with the earliest end date filled in, then a review of exactly what will
 * be declared with the final button. The API's field errors send the customer back to the form.
 */
export function CancellationForm({ product }: { product: TProductDetail }) {
  const t = useMessages(cancellationMessages);
  const { language } = useLanguage();
  const cancel = useCancelProduct(product.id);
  const earliest = product.contract.earliestEndDate ?? '';
  const [draft, setDraft] = useState<Draft>({ type: 'ordinary', reason: '', endDate: earliest });
  const [step, setStep] = useState<'form' | 'review'>('form');
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});

  const apiError = cancel.error instanceof ApiError ? cancel.error : null;
  // A 422 names the earliest allowed date; say so in the customer's language.
  const refusedEarliest = apiError?.problem.earliestEndDate;
  const fieldError = (field: keyof Draft) =>
    errors[field] ??
    (field === 'endDate' && typeof refusedEarliest === 'string'
      ? t.endDateNotAllowed(formatDate(refusedEarliest, language))
      : apiError?.fieldError(field));

  const onContinue = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (draft.type === 'extraordinary' && !draft.reason.trim()) next.reason = t.reasonRequired;
    if (draft.type === 'ordinary' && !draft.endDate) next.endDate = t.endDateRequired;
    setErrors(next);
    cancel.reset();
    if (Object.keys(next).length === 0) setStep('review');
  };

  const onSubmit = () => {
    cancel.mutate(
      {
        type: draft.type,
        ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
        ...(draft.endDate ? { endDate: draft.endDate } : {}),
      },
      { onError: () => setStep('form') },
    );
  };

  if (step === 'review') {
    return (
      <section className="card" aria-labelledby="cancellation-review">
        <h2 id="cancellation-review">{t.reviewHeading}</h2>
        <dl className="facts">
          <dt>{t.reviewProduct}</dt>
          <dd>
            {product.name} ({product.contractNumber})
          </dd>
          <dt>{t.reviewType}</dt>
          <dd>{draft.type === 'ordinary' ? t.typeOrdinary : t.typeExtraordinary}</dd>
          <dt>{t.reviewEndDate}</dt>
          <dd>
            <strong>{draft.endDate ? formatDate(draft.endDate, language) : t.extraordinaryHint}</strong>
          </dd>
          {draft.reason.trim() && (
            <>
              <dt>{t.reviewReason}</dt>
              <dd className="pre-wrap">{draft.reason.trim()}</dd>
            </>
          )}
        </dl>
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setStep('form')} disabled={cancel.isPending}>
            {t.back}
          </Button>
          <Button variant="danger" busy={cancel.isPending} onClick={onSubmit}>
            {t.submit}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="cancellation-heading">
      <h2 id="cancellation-heading">{t.heading}</h2>
      <p>{t.intro(product.name)}</p>
      {apiError && !apiError.problem.errors && <Alert tone="error">{apiError.message}</Alert>}
      <form onSubmit={onContinue} noValidate className="cancellation-form">
        <CancellationTypeField
          value={draft.type}
          onChange={(type) => setDraft({ ...draft, type, endDate: type === 'ordinary' ? earliest : '' })}
        />
        <TextAreaField
          label={draft.type === 'extraordinary' ? t.reason : t.reasonOptional}
          name="reason"
          rows={3}
          maxLength={2000}
          value={draft.reason}
          required={draft.type === 'extraordinary'}
          onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
          error={fieldError('reason')}
        />
        <TextField
          label={t.endDate}
          name="endDate"
          type="date"
          value={draft.endDate}
          min={draft.type === 'ordinary' ? earliest : undefined}
          onChange={(event) => setDraft({ ...draft, endDate: event.target.value })}
          hint={draft.type === 'ordinary' ? t.endDateHint(formatDate(earliest, language)) : t.extraordinaryHint}
          error={fieldError('endDate')}
        />
        <Button type="submit">{t.next}</Button>
      </form>
    </section>
  );
}
