import type { TCancellationType } from '@portal/contracts';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { useMessages } from '../../../lib/i18n';
import { type PublicCancellationInput, useSubmitPublicCancellation } from '../api/submit-public-cancellation';
import { cancellationMessages } from '../cancellation-messages';
import { CancellationTypeField } from './cancellation-type-field';

type Field = 'name' | 'email' | 'contract' | 'reason' | 'endDate' | 'customerNumber';

/** What the receipt repeats: the declaration as sent, with the server's reference and time. */
export interface SubmittedDeclaration {
  input: PublicCancellationInput;
  reference: string;
  receivedAt: string;
}

/** §312k BGB: the form behind "Verträge hier kündigen"; its last button reads "jetzt kündigen". */
export function PublicCancellationForm({ onSubmitted }: { onSubmitted: (result: SubmittedDeclaration) => void }) {
  const t = useMessages(cancellationMessages);
  const submit = useSubmitPublicCancellation();
  const [type, setType] = useState<TCancellationType>('ordinary');
  const [when, setWhen] = useState<'earliest' | 'date'>('earliest');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const apiError = submit.error instanceof ApiError ? submit.error : null;
  const fieldError = (field: Field) => errors[field] ?? apiError?.fieldError(field);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: Field) => String(form.get(name) ?? '').trim();
    const next: typeof errors = {};
    if (!text('name')) next.name = t.nameRequired;
    if (!text('email')) next.email = t.emailRequired;
    if (!text('contract')) next.contract = t.contractRequired;
    if (type === 'extraordinary' && !text('reason')) next.reason = t.reasonRequired;
    if (when === 'date' && !text('endDate')) next.endDate = t.endDateRequired;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const input: PublicCancellationInput = {
      type,
      name: text('name'),
      email: text('email'),
      contract: text('contract'),
      ...(text('reason') ? { reason: text('reason') } : {}),
      ...(text('customerNumber') ? { customerNumber: text('customerNumber') } : {}),
      ...(when === 'date' ? { endDate: text('endDate') } : {}),
    };
    submit.mutate(input, { onSuccess: (receipt) => onSubmitted({ input, ...receipt }) });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {apiError && (
        <Alert tone="error">
          {apiError.status === 429 ? t.throttled : apiError.problem.errors ? null : apiError.message}
        </Alert>
      )}
      <fieldset className="form-section">
        <legend>{t.howHeading}</legend>
        <CancellationTypeField value={type} onChange={setType} />
        <TextAreaField
          label={type === 'extraordinary' ? t.reason : t.reasonOptional}
          name="reason"
          rows={3}
          maxLength={2000}
          required={type === 'extraordinary'}
          error={fieldError('reason')}
        />
        <fieldset className="field radio-group">
          <legend>{t.endDate}</legend>
          <label className="radio">
            <input type="radio" name="when" checked={when === 'earliest'} onChange={() => setWhen('earliest')} />
            {t.whenEarliest}
          </label>
          <label className="radio">
            <input type="radio" name="when" checked={when === 'date'} onChange={() => setWhen('date')} />
            {t.whenDate}
          </label>
        </fieldset>
        {when === 'date' && <TextField label={t.endDate} name="endDate" type="date" error={fieldError('endDate')} />}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.whoHeading}</legend>
        <TextField label={t.name} name="name" autoComplete="name" required maxLength={200} error={fieldError('name')} />
        <TextField label={t.customerNumber} name="customerNumber" maxLength={50} error={fieldError('customerNumber')} />
        <TextField
          label={t.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          hint={t.emailHint}
          error={fieldError('email')}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t.whatHeading}</legend>
        <TextField
          label={t.contract}
          name="contract"
          required
          maxLength={200}
          hint={t.contractHint}
          error={fieldError('contract')}
        />
      </fieldset>
      <Button type="submit" variant="danger" busy={submit.isPending}>
        {t.submit}
      </Button>
    </form>
  );
}
