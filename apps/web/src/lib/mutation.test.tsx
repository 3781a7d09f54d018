import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mutateThen } from './mutation';

/** A change that settles when the test says so, asked for by a component the test unmounts first. */
function pendingChange(outcome: 'success' | 'error') {
  let answer = { resolve: (_: number) => {}, reject: (_: Error) => {} };
  const answered = new Promise<number>((resolve, reject) => {
    answer = { resolve, reject };
  });
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useMutation({ mutationFn: (value: number) => answered.then(() => value * 2) }), {
    wrapper,
  });
  const settle = () =>
    act(async () => (outcome === 'success' ? answer.resolve(0) : answer.reject(new Error('refused'))));
  return { hook, settle };
}

describe('mutateThen', () => {
  it('says the outcome after the asking component has unmounted, where mutate’s own callbacks are dropped', async () => {
    const viaMutate = vi.fn();
    const dropped = pendingChange('success');
    act(() => dropped.hook.result.current.mutate(21, { onSuccess: viaMutate }));
    dropped.hook.unmount();
    await dropped.settle();
    expect(viaMutate).not.toHaveBeenCalled();

    const onSuccess = vi.fn();
    const kept = pendingChange('success');
    act(() => mutateThen(kept.hook.result.current, 21, { onSuccess }));
    kept.hook.unmount();
    await kept.settle();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(42));
  });

  it('hands a failure to onError, and never to onSuccess', async () => {
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const change = pendingChange('error');
    act(() => mutateThen(change.hook.result.current, 1, { onSuccess, onError }));
    change.hook.unmount();
    await change.settle();
    await waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('refused')));
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
