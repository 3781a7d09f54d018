import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { DeletePage } from './delete-page';

const problem = (status: number, extra: object) =>
  new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'x',
      status,
      code: status === 409 ? 'conflict' : 'validation_failed',
      requestId: 'r-1',
      ...extra,
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

const deletionInfo = {
  blockers: [],
  kept: [
    { category: 'invoices', unit: 'yearsFromEndOfYear', amount: 8, from: 'issue', basis: '§147 AO, §14b UStG' },
    { category: 'sepaMandates', unit: 'months', amount: 14, from: 'lastCollection', basis: 'SEPA Core Rulebook' },
    { category: 'securityLog', unit: 'days', amount: 180, from: 'occurrence', basis: 'Art. 32 DSGVO' },
  ],
};

/** The API: the deletion page's GET answers `deletionInfo`; the DELETE answers `onDelete`. */
function api(onDelete: () => Response | Promise<Response>) {
  return vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'DELETE'
      ? onDelete()
      : new Response(JSON.stringify(deletionInfo), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
}

const deleteCalls = (fetchMock: ReturnType<typeof api>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE');

function renderPage() {
  return renderRoutes(
    [
      { path: '/account/delete', element: <DeletePage /> },
      { path: '/login', element: <p>Anmeldeseite</p> },
    ],
    '/account/delete',
  ).router;
}

const fillAndAsk = () => {
  fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'geheimes passwort' } });
  fireEvent.click(screen.getByLabelText('Ich habe verstanden, dass mein Kundenkonto endgültig gelöscht wird.'));
  fireEvent.click(screen.getByRole('button', { name: 'Konto löschen …' }));
};

afterEach(() => vi.unstubAllGlobals());

describe('DeletePage', () => {
  it('lists each record kept after deletion with its period', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => new Response(null, { status: 204 })),
    );
    renderPage();
    expect(await screen.findByText('Rechnungen, Zahlungen und Vertragsunterlagen')).toBeTruthy();
    expect(screen.getByText(/8 Jahre ab Ende des Jahres der Ausstellung/)).toBeTruthy();
    expect(screen.getByText(/14 Monate nach der letzten Lastschrift/)).toBeTruthy();
    expect(screen.getByText(/180 Tage nach dem Ereignis/)).toBeTruthy();
  });

  it('sends nothing without the checkbox and nothing before the second confirmation', () => {
    const fetchMock = api(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'geheim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Konto löschen …' }));
    expect(screen.getByText('Bitte bestätigen Sie, dass Sie das Konto löschen möchten.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Ich habe verstanden, dass mein Kundenkonto endgültig gelöscht wird.'));
    fireEvent.click(screen.getByRole('button', { name: 'Konto löschen …' }));
    expect(screen.getByText('Wirklich endgültig löschen?')).toBeTruthy();
    expect(deleteCalls(fetchMock)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByText('Wirklich endgültig löschen?')).toBeNull();
  });

  it('lists the blockers of a 409 with links to them', async () => {
    vi.stubGlobal(
      'fetch',
      api(() =>
        problem(409, {
          blockers: [
            { kind: 'contract', id: '6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10', label: 'Rack B-07' },
            { kind: 'invoice', id: '0b0b7f8e-3d5c-4f9a-8e7d-2a1b3c4d5e6f', label: '2026-000042' },
          ],
        }),
      ),
    );
    renderPage();
    fillAndAsk();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, Konto endgültig löschen' }));
    const contract = await screen.findByRole('link', { name: 'Laufender Vertrag: Rack B-07' });
    expect(contract.getAttribute('href')).toBe('/products/6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10');
    expect(screen.getByRole('link', { name: 'Offene Rechnung 2026-000042' }).getAttribute('href')).toBe(
      '/invoices/0b0b7f8e-3d5c-4f9a-8e7d-2a1b3c4d5e6f',
    );
  });

  it('shows a wrong password at the field, translated', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => problem(400, { errors: [{ path: 'password', message: 'is wrong' }] })),
    );
    renderPage();
    fillAndAsk();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, Konto endgültig löschen' }));
    expect(await screen.findByText('ist falsch.')).toBeTruthy();
  });

  it('sends password and confirmation, then leaves for the sign-in page', async () => {
    const fetchMock = api(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const router = renderPage();
    fillAndAsk();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, Konto endgültig löschen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const [url, init] = deleteCalls(fetchMock)[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/account');
    expect(init.method).toBe('DELETE');
    expect(JSON.parse(String(init.body))).toEqual({ password: 'geheimes passwort', confirm: true });
  });
});
