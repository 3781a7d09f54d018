import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { AnnouncementsPage } from './announcements-page';

afterEach(() => vi.unstubAllGlobals());

const shown = {
  id: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
  severity: 'maintenance',
  title: { de: 'Wartung Halle A', en: 'Maintenance hall A' },
  body: { de: 'Am Samstag.', en: 'On Saturday.' },
  publishedAt: '2026-11-30T23:00:00.000Z',
  visibleUntil: '2099-12-31',
  audienceCategory: 'rack',
};

function stubApi(onSave: (init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'PUT' ? onSave(init) : json(200, { items: [shown], nextCursor: null, hasMore: false }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderPage = () =>
  renderRoutes(
    [
      {
        element: <Outlet context={{ staffUserId: 'me', staffRole: 'support' }} />,
        children: [{ path: '/backoffice/announcements', element: <AnnouncementsPage /> }],
      },
    ],
    '/backoffice/announcements',
  );

describe('AnnouncementsPage: editing', () => {
  it('fills the form with the announcement, previews the edited text and saves every field', async () => {
    const fetchMock = stubApi(() => json(200, { ...shown, title: { ...shown.title, en: 'Maintenance hall B' } }));
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Bearbeiten: Wartung Halle A' }));
    const form = screen.getByRole('region', { name: 'Mitteilung „Wartung Halle A“ bearbeiten' });
    expect((within(form).getByLabelText(/^Sichtbar ab/) as HTMLInputElement).value).toBe('2026-12-01');
    expect((within(form).getByLabelText(/^Empfänger/) as HTMLSelectElement).value).toBe('rack');
    fireEvent.change(within(form).getByLabelText(/^Titel \(Englisch\)/), { target: { value: 'Maintenance hall B' } });
    const preview = within(form).getByRole('region', { name: /Vorschau/ });
    expect(within(preview).getByRole('heading', { name: 'Maintenance hall B' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Änderungen speichern' }));

    await waitFor(() => expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')).toHaveLength(1));
    const [url, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT') as [string, RequestInit];
    expect(url).toBe(`/api/v1/admin/announcements/${shown.id}`);
    expect(JSON.parse(String(init.body))).toEqual({
      severity: 'maintenance',
      title: { de: 'Wartung Halle A', en: 'Maintenance hall B' },
      body: shown.body,
      visibleFrom: '2026-12-01',
      visibleUntil: '2099-12-31',
      audienceCategory: 'rack',
    });
    expect(await screen.findByText('Die Änderungen wurden gespeichert.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Neue Mitteilung' })).toBeTruthy();
  });

  it('says why an expired announcement cannot be saved', async () => {
    stubApi(() => problem(409, 'conflict'));
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Bearbeiten: Wartung Halle A' }));
    fireEvent.click(screen.getByRole('button', { name: 'Änderungen speichern' }));
    expect(await screen.findByText(/abgelaufen und kann nicht mehr bearbeitet werden/)).toBeTruthy();
  });
});
