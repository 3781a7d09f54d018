import { apiTokenRoutes, authRoutes, teamRoutes } from '@portal/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../testing/responses';
import { apiRequest } from './api-client';

afterEach(() => vi.unstubAllGlobals());

const member = {
  id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  email: 'berta@example.com',
  name: 'Berta',
  role: 'billing',
  status: 'invited',
  invitationExpiresAt: null,
  you: false,
  joinedAt: '2026-12-02T10:00:00.000Z',
};
const headerOf = (init: RequestInit | undefined, name: string) =>
  ((init?.headers ?? {}) as Record<string, string>)[name];

describe('apiRequest', () => {
  it('sends an Idempotency-Key with a creating request and retries a lost answer once with the same key', async () => {
    const fetchMock = vi
      .fn<(url: string, init?: RequestInit) => Promise<Response>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json(201, member));
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest(teamRoutes.invite, { body: { email: member.email, name: member.name, role: 'billing' } });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [first, second] = fetchMock.mock.calls.map(([, init]) => headerOf(init, 'idempotency-key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });

  it('gives each call its own key, and never retries a write that has none', async () => {
    const fetchMock = vi.fn(async () => json(201, member));
    vi.stubGlobal('fetch', fetchMock);
    const body = { email: member.email, name: member.name, role: 'billing' as const };
    await apiRequest(teamRoutes.invite, { body });
    await apiRequest(teamRoutes.invite, { body });
    const keys = fetchMock.mock.calls.map((call) =>
      headerOf((call as unknown as [string, RequestInit])[1], 'idempotency-key'),
    );
    expect(new Set(keys).size).toBe(2);

    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', failing);
    await expect(apiRequest(apiTokenRoutes.revoke, { params: { id: member.id } })).rejects.toThrow(TypeError);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(headerOf((failing.mock.calls[0] as unknown as [string, RequestInit])[1], 'idempotency-key')).toBeUndefined();
    await expect(apiRequest(authRoutes.me)).rejects.toThrow(TypeError);
    expect(failing).toHaveBeenCalledTimes(3);
  });
});
