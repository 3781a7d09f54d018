import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { DeletePage } from './delete-page';

const kept = [
  { category: 'invoices', unit: 'yearsFromEndOfYear', amount: 8, from: 'issue', basis: '§147 AO, §14b UStG' },
  { category: 'sepaMandates', unit: 'months', amount: 14, from: 'lastCollection', basis: 'SEPA Core Rulebook' },
  { category: 'securityLog', unit: 'days', amount: 180, from: 'occurrence', basis: 'Art. 32 DSGVO' },
];
const blockers = [
  { kind: 'contract', id: '6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10', label: 'Rack B-07' },
  { kind: 'invoice', id: '0b0b7f8e-3d5c-4f9a-8e7d-2a1b3c4d5e6f', label: '2026-000042' },
];

/** The API: the deletion page's GET answers the deletion info; the DELETE answers `onDelete`. */
function api(onDelete: () => Response | Promise<Response>, info: object = { blockers: [], kept }) {
  return vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'DELETE' ? onDelete() : json(200, info)));
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

const confirmLabel = 'Ich habe verstanden, dass mein Kundenkonto endgültig gelöscht wird.';

async function fillAndAsk() {
  fireEvent.change(await screen.findByLabelText('Passwort'), { target: { value: 'geheimes passwort' } });
  fireEvent.click(screen.getByLabelText(confirmLabel));
  fireEvent.click(screen.getByRole('button', { name: 'Konto löschen …' }));
  return screen.findByRole('button', { name: 'Ja, Konto endgültig löschen' });
}

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

  it('shows what stands in the way first, with links, and asks for nothing then', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => new Response(null, { status: 204 }), { blockers, kept }),
    );
    renderPage();
    const contract = await screen.findByRole('link', { name: 'Laufender Vertrag: Rack B-07' });
    expect(contract.getAttribute('href')).toBe('/products/6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10');
    expect(screen.getByRole('link', { name: 'Offene Rechnung 2026-000042' }).getAttribute('href')).toBe(
      '/invoices/0b0b7f8e-3d5c-4f9a-8e7d-2a1b3c4d5e6f',
    );
    expect(screen.queryByLabelText('Passwort')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Konto löschen …' })).toBeNull();
  });

  it('sends nothing without the checkbox and nothing before the second confirmation', async () => {
    const fetchMock = api(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    fireEvent.change(await screen.findByLabelText('Passwort'), { target: { value: 'geheim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Konto löschen …' }));
    expect(await screen.findByText('Bitte bestätigen Sie dies mit dem Häkchen, bevor Sie fortfahren.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(confirmLabel));
    fireEvent.click(screen.getByRole('button', { name: 'Konto löschen …' }));
    expect(await screen.findByText('Möchten Sie Ihr Kundenkonto wirklich endgültig löschen?')).toBeTruthy();
    expect(deleteCalls(fetchMock)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByText('Möchten Sie Ihr Kundenkonto wirklich endgültig löschen?')).toBeNull();
  });

  it('lists the blockers of a 409 that arrived in between', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => problem(409, 'conflict', { blockers })),
    );
    renderPage();
    fireEvent.click(await fillAndAsk());
    expect(await screen.findByRole('link', { name: 'Laufender Vertrag: Rack B-07' })).toBeTruthy();
  });

  it('shows a wrong password at the field, in a whole sentence', async () => {
    vi.stubGlobal(
      'fetch',
      api(() =>
        problem(400, 'validation_failed', {
          errors: [{ path: 'password', code: 'wrongPassword', message: 'is wrong' }],
        }),
      ),
    );
    renderPage();
    fireEvent.click(await fillAndAsk());
    expect(
      await screen.findByText('Das Passwort ist nicht richtig. Bitte geben Sie Ihr aktuelles Passwort ein.'),
    ).toBeTruthy();
  });

  it('sends password and confirmation, then tells the sign-in page the account is deleted', async () => {
    const fetchMock = api(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const router = renderPage();
    fireEvent.click(await fillAndAsk());
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?account=deleted');
    const [url, init] = deleteCalls(fetchMock)[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/account');
    expect(init.method).toBe('DELETE');
    expect(JSON.parse(String(init.body))).toEqual({ password: 'geheimes passwort', confirm: true });
  });
});
