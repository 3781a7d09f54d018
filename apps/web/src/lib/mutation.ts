import type { UseMutationResult } from '@tanstack/react-query';

/**
 * Runs a change whose outcome is said above the component that asked for it: a row's action whose
 * row the refetch after the change redraws or removes (a stopped invoice gets a lift button, a
 * decided declaration leaves the list). TanStack Query drops the callbacks given to `mutate` once
 * that component has unmounted — and whether the refetch unmounts it before the change settles is
 * a race — so the outcome follows `mutateAsync`'s promise, which settles either way. The mutation's
 * own `error` still shows in the form while the component lives.
 */
export function mutateThen<V, R>(
  mutation: Pick<UseMutationResult<R, unknown, V>, 'mutateAsync'>,
  variables: V,
  then: { onSuccess(result: R): void; onError?(error: unknown): void },
): void {
  mutation.mutateAsync(variables).then(then.onSuccess, (error: unknown) => then.onError?.(error));
}
