import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMe } from '../features/auth/api/get-me';
import { meOf } from '../testing/me';
import { json } from '../testing/responses';
import { useCan } from './permissions';

afterEach(() => vi.unstubAllGlobals());

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** /me answers with `answer`, or never when it is undefined. */
function stubMe(answer?: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => (answer ? Promise.resolve(answer()) : new Promise<Response>(() => undefined))),
  );
}

describe('useCan', () => {
  it('allows nothing while /me has not answered: no action is offered to someone who may not be signed in', () => {
    stubMe();
    const { result } = renderHook(() => useCan(), { wrapper });
    expect(result.current('team:manage')).toBe(false);
    expect(result.current('invoices:pay')).toBe(false);
  });

  it('allows nothing when /me answers 401', async () => {
    stubMe(() => json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthenticated' }));
    const { result } = renderHook(() => ({ me: useMe(), can: useCan({ whileUnknown: true }) }), { wrapper });
    await waitFor(() => expect(result.current.me.isError).toBe(true));
    // Not even navigation: the visitor is on the way to sign-in.
    expect(result.current.can('invoices:read')).toBe(false);
  });

  it('allows a member what the role grants, and nothing else', async () => {
    stubMe(() => json(200, meOf({ memberRole: 'billing', permissions: ['invoices:read', 'invoices:pay'] })));
    const { result } = renderHook(() => useCan(), { wrapper });
    await waitFor(() => expect(result.current('invoices:pay')).toBe(true));
    expect(result.current('team:manage')).toBe(false);
  });

  it('does not limit staff by a member role', async () => {
    stubMe(() =>
      json(200, meOf({ role: 'staff', staffRole: 'admin', customerId: null, memberRole: null, permissions: [] })),
    );
    const { result } = renderHook(() => useCan(), { wrapper });
    await waitFor(() => expect(result.current('team:manage')).toBe(true));
  });

  it('lists navigation while /me is on its way when asked to, so the frame does not shift', () => {
    stubMe();
    const { result } = renderHook(() => useCan({ whileUnknown: true }), { wrapper });
    expect(result.current('invoices:read')).toBe(true);
  });
});
