import { zodResolver } from '@hookform/resolvers/zod';
import { fieldErrorOfIssue, type IssueLike } from '@portal/contracts';
import {
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from './api-error';
import { encodeFieldError } from './form-errors';
import { fieldNames, fieldOfPath } from './form-fields';

/** zod's messages become field codes (lib/form-errors.ts), the same the API sends. */
const codedMessages = { error: (issue: IssueLike) => encodeFieldError(fieldErrorOfIssue(issue)) };

/** The zod resolver over a contract schema (or one built from it), with coded messages. */
export function contractResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  return zodResolver(schema, codedMessages) as Resolver<Input, unknown, Output>;
}

/**
 * The one way to make a form: react-hook-form validated by the request's zod schema from
 * packages/contracts. The form's values are the schema's input, its submit handler gets the
 * parsed output — what the API will accept.
 */
export function useContractForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  options: Omit<UseFormProps<Input, unknown, Output>, 'resolver'> = {},
): UseFormReturn<Input, unknown, Output> {
  return useForm<Input, unknown, Output>({ ...options, resolver: contractResolver(schema) });
}

/**
 * A text field left empty means "not given": the contract's optional members are left out
 * rather than sent as "" (which a date or an e-mail address would refuse).
 */
export function withoutEmptyText<Output, Input>(schema: z.ZodType<Output, Input>): z.ZodType<Output, Input> {
  const cleaned = z.preprocess(
    (values) =>
      values && typeof values === 'object' && !Array.isArray(values)
        ? Object.fromEntries(
            Object.entries(values).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')),
          )
        : values,
    schema,
  );
  return cleaned as unknown as z.ZodType<Output, Input>;
}

/**
 * Puts the API's field errors on the form's fields, so the customer reads them where they type.
 * Answers the errors that belong to no field (the form shows those above itself).
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, error: unknown) {
  if (!(error instanceof ApiError)) return [];
  const names = fieldNames(form.getValues());
  const unplaced = [];
  let first = true;
  for (const entry of error.problem.errors ?? []) {
    const field = fieldOfPath(names, entry.path);
    if (!field) {
      unplaced.push(entry);
      continue;
    }
    form.setError(
      field as Path<T>,
      {
        type: 'server',
        message: encodeFieldError({ code: entry.code, ...(entry.params ? { params: entry.params } : {}) }),
      },
      { shouldFocus: first },
    );
    first = false;
  }
  return unplaced;
}
