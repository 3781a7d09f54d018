import type { TMe } from '@portal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meOf } from '../../../testing/me';
import { renderWithProviders } from '../../../testing/render';
import { json } from '../../../testing/responses';
import { ApiTokensSection } from './api-tokens-section';

afterEach(() => vi.unstubAllGlobals());

const token = {
  id: '5b0c6a1e-2f3d-4c5b-8a9e-1d2c3b4a5f6e',
  name: 'Buchhaltung',
  scopes: ['invoices:read'],
  prefix: 'pat_AbC123',
  createdAt: '2026-12-02T10:00:00.000Z',
  expiresAt: '2027-03-02T22:59:59.000Z',
  lastUsedAt: null,
};

function stubApi(permissions: string[], items: unknown[] = []) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith('/me'))
      return json(200, meOf({ memberRole: 'billing', permissions: permissions as TMe['permissions'] }));
    if (init?.method === 'POST') return json(201, { ...token, token: `pat_${'A'.repeat(43)}` });
    if (init?.method === 'DELETE') return new Response(null, { status: 204 });
    return json(200, { items, nextCursor: null, hasMore: false });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('ApiTokensSection', () => {
  it('offers only the scopes of the role, creates a token and shows it once', async () => {
    const fetchMock = stubApi(['account:read', 'invoices:read', 'invoices:pay']);
    renderWithProviders(<ApiTokensSection />);
    expect(await screen.findByText('Sie haben noch keine aktiven Tokens.')).toBeTruthy();
    expect(await screen.findByLabelText('Rechnungen lesen')).toBeTruthy();
    // The role's permissions come with /me, which the app shell has loaded before any page.
    await waitFor(() => expect(screen.queryByLabelText('Tickets schreiben')).toBeNull());

    fireEvent.change(screen.getByLabelText(/Bezeichnung/), { target: { value: 'Buchhaltung' } });
    fireEvent.click(screen.getByLabelText('Rechnungen lesen'));
    fireEvent.change(screen.getByLabelText(/Gültig bis einschließlich/), { target: { value: '2027-03-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Token erstellen' }));

    expect(await screen.findByText(`pat_${'A'.repeat(43)}`)).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [string, RequestInit];
    expect(post[0]).toBe('/api/v1/account/tokens');
    const body = JSON.parse(String(post[1].body));
    expect(body).toMatchObject({ name: 'Buchhaltung', scopes: ['invoices:read'] });
    // The end of the chosen day in the browser's time zone.
    expect(new Date(body.expiresAt).getTime()).toBe(new Date(2027, 2, 2, 23, 59, 59).getTime());
  });

  it('asks for at least one permission before sending anything', async () => {
    const fetchMock = stubApi(['invoices:read']);
    renderWithProviders(<ApiTokensSection />);
    fireEvent.change(await screen.findByLabelText(/Bezeichnung/), { target: { value: 'CI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Token erstellen' }));
    expect(await screen.findByText(/Bitte wählen Sie bei „Berechtigungen“ mindestens 1 aus/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('revokes a token after a confirmation in the page’s own dialog', async () => {
    const fetchMock = stubApi(['invoices:read'], [token]);
    renderWithProviders(<ApiTokensSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Token „Buchhaltung“ widerrufen' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ja, widerrufen', hidden: true }));
    expect(await screen.findByText('Der Token wurde widerrufen.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === 'DELETE' && url.endsWith(token.id))).toBe(true);
  });
});
