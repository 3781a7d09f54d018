import type { TMe } from '@portal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meOf } from '../../../testing/me';
import { renderWithProviders } from '../../../testing/render';
import { json } from '../../../testing/responses';
import { TeamPage } from './team-page';

afterEach(() => vi.unstubAllGlobals());

const ownerId = '0b6f3c2a-1d4e-4f5a-9b8c-7d6e5f4a3b2c';
const owner = {
  id: ownerId,
  email: 'erika@example.com',
  name: 'Erika Mustermann',
  role: 'owner',
  status: 'active',
  invitationExpiresAt: null,
  you: true,
  joinedAt: '2026-01-01T10:00:00.000Z',
};
const invitee = {
  ...owner,
  id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  email: 'berta@example.com',
  name: 'Berta Beispiel',
  role: 'billing',
  status: 'invited',
  invitationExpiresAt: '2026-12-05T10:00:00.000Z',
  you: false,
};

function stubApi(memberRole: string, permissions: string[], onWrite?: (init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith('/me'))
      return json(
        200,
        meOf({
          id: ownerId,
          customerId: ownerId,
          memberRole: memberRole as TMe['memberRole'],
          permissions: permissions as TMe['permissions'],
        }),
      );
    if (init?.method && init.method !== 'GET' && onWrite) return onWrite(init);
    return json(200, { items: [owner, invitee], nextCursor: null, hasMore: false });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('TeamPage', () => {
  it('lets an owner invite a member with a role', async () => {
    const fetchMock = stubApi('owner', ['account:read', 'team:manage'], () => json(201, invitee));
    renderWithProviders(<TeamPage />);
    expect(await screen.findByText('Berta Beispiel')).toBeTruthy();
    fireEvent.change(await screen.findByLabelText('E-Mail-Adresse'), { target: { value: 'berta@example.com' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Berta Beispiel' } });
    fireEvent.change(screen.getByLabelText('Rolle'), { target: { value: 'billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Einladung senden' }));
    expect(await screen.findByText('Die Einladung an berta@example.com ist unterwegs.')).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [string, RequestInit];
    expect(JSON.parse(String(post[1].body))).toEqual({
      email: 'berta@example.com',
      name: 'Berta Beispiel',
      role: 'billing',
    });
  });

  it('says why the last owner cannot be demoted, in the customer’s words', async () => {
    stubApi('owner', ['account:read', 'team:manage'], () =>
      json(409, {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'conflict',
        requestId: 'r',
        reason: 'last_owner',
      }),
    );
    renderWithProviders(<TeamPage />);
    fireEvent.change(await screen.findByLabelText('Rolle von Erika Mustermann'), { target: { value: 'readonly' } });
    expect(await screen.findByText(/braucht mindestens eine Inhaberin oder einen Inhaber/)).toBeTruthy();
  });

  it('offers no owner’s tools before /me has answered (a signed-out visitor is on the way to sign-in)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/me')
          ? new Promise<Response>(() => undefined)
          : json(200, { items: [owner, invitee], nextCursor: null, hasMore: false }),
      ),
    );
    renderWithProviders(<TeamPage />);
    expect(await screen.findByText('Berta Beispiel')).toBeTruthy();
    expect(screen.queryByLabelText('E-Mail-Adresse')).toBeNull();
    expect(screen.queryByRole('button', { name: /aus dem Team entfernen/ })).toBeNull();
  });

  it('shows the team without the owner’s tools to other members', async () => {
    stubApi('billing', ['account:read', 'invoices:read']);
    renderWithProviders(<TeamPage />);
    const row = (await screen.findByText('Berta Beispiel')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Eingeladen')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Einladung senden' })).toBeNull());
    expect(screen.queryByRole('button', { name: /aus dem Team entfernen/ })).toBeNull();
  });
});
