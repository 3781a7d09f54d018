import { type TProductDetail, ZCancelProductBody } from '@portal/contracts';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Form, InputField, TextAreaInput } from '../../../components/ui/form';
import { ApiError } from '../../../lib/api-client';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useCancelProduct } from '../api/cancel-product';
import { cancellationMessages } from '../cancellation-messages';
import { CancellationTypeField } from './cancellation-type-field';

const schema = withoutEmptyText(ZCancelProductBody);
type Declaration = ReturnType<typeof schema.parse>;

/**
 * Two steps: the form, with the earliest end date filled in, then a review of exactly what will
 * be declared with the final button. The API's field errors send the customer back to the form.
 */
export function CancellationForm({ product }: { product: TProductDetail }) {
  const t = useMessages(cancellationMessages);
  const { language } = useLanguage();
  const cancel = useCancelProduct(product.id);
  const earliest = product.contract.earliestEndDate ?? '';
  const form = useContractForm(schema, { defaultValues: { type: 'ordinary', reason: '', endDate: earliest } });
  const [review, setReview] = useState<Declaration | null>(null);
  const type = form.watch('type');

  // An ordinary cancellation starts at the earliest date; an extraordinary one ends on receipt.
  useEffect(() => {
    form.setValue('endDate', type === 'ordinary' ? earliest : '');
  }, [type, earliest, form]);

  // A 422 names the earliest allowed date; the field says so in the customer's language.
  const refusedEarliest = cancel.error instanceof ApiError ? cancel.error.problem.earliestEndDate : undefined;

  const onSubmit = () => {
    if (!review) return;
    cancel.mutate(review, {
      onError: (error) => {
        setReview(null);
        // The form is shown again first, so the errors land on mounted fields.
        setTimeout(() => applyServerErrors(form, error), 0);
      },
    });
  };

  if (review) {
    return (
      <section className="card" aria-labelledby="cancellation-review">
        <h2 id="cancellation-review">{t.reviewHeading}</h2>
        <dl className="facts">
          <dt>{t.reviewProduct}</dt>
          <dd>
            {product.name} ({product.contractNumber})
          </dd>
          <dt>{t.reviewType}</dt>
          <dd>{review.type === 'ordinary' ? t.typeOrdinary : t.typeExtraordinary}</dd>
          <dt>{t.reviewEndDate}</dt>
          <dd>
            <strong>{review.endDate ? formatDate(review.endDate, language) : t.extraordinaryHint}</strong>
          </dd>
          {review.reason && (
            <>
              <dt>{t.reviewReason}</dt>
              <dd className="pre-wrap">{review.reason}</dd>
            </>
          )}
        </dl>
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setReview(null)} disabled={cancel.isPending}>
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
      <p>{t.intro(product.name, product.contractNumber)}</p>
      <Form
        form={form}
        className="cancellation-form"
        error={cancel.error}
        onSubmit={(values) => {
          cancel.reset();
          setReview(values);
        }}
      >
        <CancellationTypeField />
        <TextAreaInput
          name="reason"
          label={type === 'extraordinary' ? t.reason : t.reasonOptional}
          errorName={t.reason}
          rows={3}
          maxLength={2000}
          required={type === 'extraordinary'}
        />
        <InputField
          name="endDate"
          label={t.endDate}
          type="date"
          min={type === 'ordinary' ? earliest : undefined}
          hint={type === 'ordinary' ? t.endDateHint(formatDate(earliest, language)) : t.extraordinaryHint}
          errorTexts={
            typeof refusedEarliest === 'string'
              ? { endDateNotAllowed: t.endDateNotAllowed(formatDate(refusedEarliest, language)) }
              : {}
          }
        />
        <Button type="submit">{t.next}</Button>
      </Form>
    </section>
  );
}
