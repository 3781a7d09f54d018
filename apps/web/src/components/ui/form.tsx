import type { TFieldError, TFieldErrorCode } from '@portal/contracts';
import { type ComponentProps, type ReactNode, useId } from 'react';
import {
  type FieldValues,
  FormProvider,
  get,
  type SubmitHandler,
  type UseFormReturn,
  useFormContext,
} from 'react-hook-form';
import { ApiError } from '../../lib/api-error';
import { decodeFieldError, type ProblemOverrides, useErrorTexts } from '../../lib/form-errors';
import { fieldNames, fieldOfPath } from '../../lib/form-fields';
import { Alert } from './alert';
import { SelectField, TextAreaField, TextField } from './field';

/**
 * A form of the one form system (lib/form.ts): the fields below read their values and errors
 * from it; `error` is the request's error, shown above the fields unless it belongs to them.
 */
export function Form<Input extends FieldValues, Output>({
  form,
  onSubmit,
  error,
  problems,
  className,
  children,
  onFocus,
  'aria-labelledby': labelledBy,
}: {
  form: UseFormReturn<Input, unknown, Output>;
  onSubmit: SubmitHandler<Output>;
  error?: unknown;
  problems?: ProblemOverrides;
  className?: string;
  children: ReactNode;
  onFocus?: () => void;
  'aria-labelledby'?: string;
}) {
  return (
    <FormProvider {...form}>
      <form
        className={className}
        onSubmit={form.handleSubmit(onSubmit)}
        onFocus={onFocus}
        noValidate
        aria-labelledby={labelledBy}
      >
        <FormAlert error={error} problems={problems} />
        {children}
      </form>
    </FormProvider>
  );
}

/** The request's error above the form: by its code, or the field errors no field could show. */
function FormAlert({ error, problems }: { error: unknown; problems?: ProblemOverrides | undefined }) {
  const texts = useErrorTexts();
  const { getValues } = useFormContext();
  if (!error) return null;
  const fieldErrors: TFieldError[] = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (fieldErrors.length === 0) return <Alert tone="error">{texts.problem(error, problems)}</Alert>;
  const names = fieldNames(getValues());
  const unplaced = fieldErrors.filter((entry) => !fieldOfPath(names, entry.path));
  return (
    <Alert tone="error">
      <p>{texts.byCode('validation_failed')}</p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((entry) => (
            <li key={entry.path}>{texts.field(entry, entry.path)}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

interface BoundProps {
  name: string;
  label: ReactNode;
  /** How error sentences name the field; defaults to the label when it is text. */
  errorName?: string;
  /** Sentences that say more for this field than the general one of a code. */
  errorTexts?: Partial<Record<TFieldErrorCode, string>>;
  hint?: ReactNode;
}

/** The translated error of one field, if it has one. */
function useFieldError(
  name: string,
  label: ReactNode,
  errorName: string | undefined,
  errorTexts: BoundProps['errorTexts'] = {},
  choice = false,
): string | undefined {
  const { formState } = useFormContext();
  const texts = useErrorTexts();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  if (!error) return undefined;
  const decoded = decodeFieldError(error.message);
  // Nothing chosen in a select or radio group reads "please choose", not "please fill in".
  const coded = choice && decoded.code === 'required' ? { code: 'invalidChoice' as const } : decoded;
  return errorTexts[coded.code] ?? texts.field(coded, errorName ?? (typeof label === 'string' ? label : name));
}

export function InputField({
  name,
  label,
  errorName,
  errorTexts,
  hint,
  ...input
}: BoundProps & Omit<ComponentProps<'input'>, 'name'>) {
  const { register } = useFormContext();
  const error = useFieldError(name, label, errorName, errorTexts);
  return <TextField label={label} hint={hint} error={error} {...input} {...register(name)} />;
}

export function TextAreaInput({
  name,
  label,
  errorName,
  errorTexts,
  hint,
  ...textarea
}: BoundProps & Omit<ComponentProps<'textarea'>, 'name'>) {
  const { register } = useFormContext();
  const error = useFieldError(name, label, errorName, errorTexts);
  return <TextAreaField label={label} hint={hint} error={error} {...textarea} {...register(name)} />;
}

export function SelectInput({
  name,
  label,
  errorName,
  errorTexts,
  hint,
  children,
  ...select
}: BoundProps & Omit<ComponentProps<'select'>, 'name'>) {
  const { register, formState } = useFormContext();
  const error = useFieldError(name, label, errorName, errorTexts, true);
  // React selects the default option itself; react-hook-form's own setting may come before the options.
  const defaultValue = get(formState.defaultValues, name) as string | undefined;
  return (
    <SelectField label={label} hint={hint} error={error} defaultValue={defaultValue} {...select} {...register(name)}>
      {children}
    </SelectField>
  );
}

/** Radio buttons or checkboxes beside their labels, as a group with a legend and the group's error. */
function ChoiceGroup({
  type,
  name,
  legend,
  errorName,
  options,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: ReactNode;
  errorName?: string | undefined;
  options: Array<{ value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean }>;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name, legend, errorName, {}, true);
  const id = useId();
  return (
    <fieldset
      className={error ? 'field choice-group field-invalid' : 'field choice-group'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type={type} value={option.value} disabled={option.disabled} {...register(name)} />
          <span>
            {option.label}
            {option.hint && <span className="choice-hint">{option.hint}</span>}
          </span>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface GroupProps {
  name: string;
  legend: ReactNode;
  errorName?: string;
  options: Array<{ value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean }>;
}

/** Radio buttons beside their labels, as a group with a legend (arrow keys move within it). */
export function RadioGroupInput(props: GroupProps) {
  return <ChoiceGroup type="radio" {...props} />;
}

/**
 * Checkboxes for a list of values, as a group with a legend: the field's value is the array of
 * the checked values (give `[]` or the preselected ones as its default), its error the group's.
 */
export function CheckboxGroupInput(props: GroupProps) {
  return <ChoiceGroup type="checkbox" {...props} />;
}

/** One checkbox with its label to the right of it. */
export function CheckboxInput({ name, label, errorName }: { name: string; label: ReactNode; errorName?: string }) {
  const { register } = useFormContext();
  const error = useFieldError(name, label, errorName);
  const id = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="choice">
        <input
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register(name)}
        />
        <span>{label}</span>
      </label>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
