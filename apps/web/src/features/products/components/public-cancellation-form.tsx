import { ZPublicCancellationBody } from '@portal/contracts';
import { z } from 'zod';
import { Button } from '../../../components/ui/button';
import { Form, InputField, RadioGroupInput, TextAreaInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { type PublicCancellationInput, useSubmitPublicCancellation } from '../api/submit-public-cancellation';
import { cancellationMessages } from '../cancellation-messages';
import { CancellationTypeField } from './cancellation-type-field';

/** What the receipt repeats: the declaration as sent, with the server's reference and time. */
export interface SubmittedDeclaration {
  input: PublicCancellationInput;
  reference: string;
  receivedAt: string;
}

/** The contract's body, plus the choice between the earliest date and a date of one's own. */
const schema = withoutEmptyText(
  ZPublicCancellationBody.safeExtend({ when: z.enum(['earliest', 'date']) }).superRefine(
    (values, ctx) => {
      if (values?.when === 'date' && !values.endDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'required' });
    },
    // Said together with the other fields' errors, not only once they are right.
    { when: () => true },
  ),
);

/**
 * §312k BGB: the form behind "Verträge hier kündigen", its sections in the order of §312k (2):
 * the kind of cancellation, who cancels, which contract, when, where the confirmation goes.
 * Its last button reads "jetzt kündigen".
 */
export function PublicCancellationForm({ onSubmitted }: { onSubmitted: (result: SubmittedDeclaration) => void }) {
  const t = useMessages(cancellationMessages);
  // The receipt and any later answer go out in the language the form is filled in.
  const { language } = useLanguage();
  const submit = useSubmitPublicCancellation();
  const form = useContractForm(schema, {
    defaultValues: {
      type: 'ordinary',
      reason: '',
      name: '',
      customerNumber: '',
      contract: '',
      when: 'earliest',
      endDate: '',
      email: '',
    },
  });
  const type = form.watch('type');
  const when = form.watch('when');

  return (
    <Form
      form={form}
      error={submit.error}
      problems={{ rate_limited: t.throttled }}
      onSubmit={({ when: chosen, endDate, ...declaration }) => {
        const input: PublicCancellationInput = {
          ...declaration,
          language,
          ...(chosen === 'date' && endDate ? { endDate } : {}),
        };
        submit.mutate(input, {
          onSuccess: (receipt) => onSubmitted({ input, ...receipt }),
          onError: (error) => applyServerErrors(form, error),
        });
      }}
    >
      <fieldset className="form-section">
        <legend>{t.kindHeading}</legend>
        <CancellationTypeField />
        <TextAreaInput
          name="reason"
          label={type === 'extraordinary' ? t.reason : t.reasonOptional}
          errorName={t.reason}
          rows={3}
          maxLength={2000}
          required={type === 'extraordinary'}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.whoHeading}</legend>
        <InputField name="name" label={t.name} autoComplete="name" required maxLength={200} />
        <InputField name="customerNumber" label={t.customerNumber} errorName={t.customerNumberShort} maxLength={50} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.whatHeading}</legend>
        <InputField name="contract" label={t.contract} required maxLength={200} hint={t.contractHint} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.whenHeading}</legend>
        <RadioGroupInput
          name="when"
          legend={t.endDate}
          options={[
            { value: 'earliest', label: t.whenEarliest },
            { value: 'date', label: t.whenDate },
          ]}
        />
        {when === 'date' && <InputField name="endDate" label={t.endDate} type="date" />}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.confirmationHeading}</legend>
        <InputField
          name="email"
          label={t.email}
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          hint={t.emailHint}
        />
      </fieldset>
      <Button type="submit" variant="danger" busy={submit.isPending}>
        {t.submit}
      </Button>
    </Form>
  );
}
