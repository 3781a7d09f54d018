import type { TDunningOverviewItem } from '@portal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { CollectionsPage } from './collections-page';

afterEach(() => vi.unstubAllGlobals());

beforeAll(() => {
  // jsdom has no modal dialogs: open and close are enough for the page.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

const reminded: TDunningOverviewItem = {
  customer: {
    id: '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11',
    number: '10042',
    name: 'Erika Mustermann',
    company: 'Kranich GmbH',
  },
  invoice: {
    id: '0b6f3c2a-1d4e-4f5a-9b8c-7d6e5f4a3b2c',
    number: 'RE-2026-000042',
    dueDate: '2026-11-15',
    total: 11_900,
    openAmount: 10_900,
    currency: 'EUR',
  },
  daysOverdue: 18,
  level: 1,
  lastNoticeOn: '2026-11-22',
  nextStep: { level: 2, dueOn: '2026-12-06' },
  stop: null,
};
const stopped: TDunningOverviewItem = {
  customer: { id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', number: '10043', name: 'Max Meier', company: null },
  invoice: {
    id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    number: 'RE-2026-000017',
    dueDate: '2026-10-01',
    total: 5_950,
    openAmount: 5_950,
    currency: 'EUR',
  },
  daysOverdue: 63,
  level: 0,
  lastNoticeOn: null,
  nextStep: null,
  stop: {
    reason: 'Reklamation',
    setAt: '2026-10-05T09:30:00.000Z',
    setBy: { id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a', name: 'Berta Buchhaltung' },
  },
};

type Write = [string, RequestInit];

function stubApi(
  overview: () => Response,
  onWrite: (url: string, init: RequestInit) => Response = () => json(500, {}),
) {
  // After a change, the page's other lists answer only when the test releases them: later than
  // the overview, as they may on a busy server, so the row is redrawn while the change settles.
  let held: Promise<void> = Promise.resolve();
  let release = () => {};
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method && init.method !== 'GET') {
      const response = onWrite(url, init);
      if (response.ok) held = new Promise((resolve) => (release = resolve));
      return response;
    }
    if (url.includes('/admin/dunning')) return overview();
    await held;
    return json(200, { items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return Object.assign(fetchMock, { releaseOtherLists: () => release() });
}

const page = (items: TDunningOverviewItem[]) => () => json(200, { items, nextCursor: null, hasMore: false });

const renderPage = (staffRole: 'billing' | 'support' = 'billing') =>
  renderRoutes(
    [
      {
        element: <Outlet context={{ staffUserId: 'me', staffRole }} />,
        children: [{ path: '/backoffice/collections', element: <CollectionsPage /> }],
      },
    ],
    '/backoffice/collections',
  );

const writes = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method && init.method !== 'GET') as unknown as Write[];

const section = () => screen.findByRole('region', { name: 'Mahnwesen' });

describe('CollectionsPage: the dunning overview', () => {
  it('shows each overdue invoice with level, next step and stop, and filters by search, stop and level', async () => {
    const fetchMock = stubApi(page([stopped, reminded]));
    renderPage();
    const dunning = await section();
    const remindedRow = (await within(dunning).findByText('RE-2026-000042')).closest('tr') as HTMLElement;
    expect(within(remindedRow).getByRole('link', { name: 'Kranich GmbH' }).getAttribute('href')).toBe(
      `/backoffice/customers/${reminded.customer.id}`,
    );
    expect(within(remindedRow).getByText(/18 Tagen/)).toBeTruthy();
    expect(within(remindedRow).getByText(/von 119,00/)).toBeTruthy();
    expect(within(remindedRow).getByText('Zahlungserinnerung')).toBeTruthy();
    expect(within(remindedRow).getByText(/am 22\.11\.2026/)).toBeTruthy();
    expect(within(remindedRow).getByText('1. Mahnung')).toBeTruthy();
    expect(within(remindedRow).getByText(/ab 06\.12\.2026/)).toBeTruthy();
    expect(within(remindedRow).getByRole('button', { name: 'Mahnstopp setzen: Rechnung RE-2026-000042' })).toBeTruthy();

    const stoppedRow = within(dunning).getByText('RE-2026-000017').closest('tr') as HTMLElement;
    expect(within(stoppedRow).getByText('Gestoppt')).toBeTruthy();
    expect(within(stoppedRow).getByText(/Reklamation/)).toBeTruthy();
    expect(within(stoppedRow).getByText(/Berta Buchhaltung/)).toBeTruthy();
    expect(within(stoppedRow).getByText('Angehalten')).toBeTruthy();
    expect(
      within(stoppedRow).getByRole('button', { name: 'Mahnstopp aufheben: Rechnung RE-2026-000017' }),
    ).toBeTruthy();

    fireEvent.change(within(dunning).getByLabelText('Suche'), { target: { value: 'Kranich' } });
    fireEvent.change(within(dunning).getByLabelText('Mahnstopp'), { target: { value: 'stopped' } });
    fireEvent.change(within(dunning).getByLabelText('Erreichte Stufe'), { target: { value: '1' } });
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        '/api/v1/admin/dunning?q=Kranich&status=stopped&level=1&limit=50',
      ),
    );
  });

  it('stops dunning only with a reason, then says so', async () => {
    // As on the server: once stopped, the refetched row carries the stop (its stop button is gone).
    let row = reminded;
    const fetchMock = stubApi(
      () => page([row])(),
      () => {
        const stop = { reason: 'Ratenzahlung vereinbart', setAt: '2026-12-03T10:00:00.000Z', setBy: null };
        row = { ...reminded, stop };
        return json(200, { invoiceId: reminded.invoice.id, ...stop });
      },
    );
    renderPage();
    const dunning = await section();
    fireEvent.click(await within(dunning).findByRole('button', { name: 'Mahnstopp setzen: Rechnung RE-2026-000042' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mahnstopp für Rechnung RE-2026-000042 setzen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mahnstopp setzen' }));
    expect(await within(dialog).findByText('Bitte füllen Sie das Feld „Grund“ aus.')).toBeTruthy();
    expect(writes(fetchMock)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^Grund/), { target: { value: 'Ratenzahlung vereinbart' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mahnstopp setzen' }));
    await waitFor(() => expect(writes(fetchMock)).toHaveLength(1));
    const [url, init] = writes(fetchMock)[0] as Write;
    expect(url).toBe(`/api/v1/admin/invoices/${reminded.invoice.id}/dunning-stop`);
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual({ reason: 'Ratenzahlung vereinbart' });
    // The refetched row is stopped (its lift button shows) before the page's other lists answer.
    await within(dunning).findByRole('button', { name: 'Mahnstopp aufheben: Rechnung RE-2026-000042' });
    fetchMock.releaseOtherLists();
    expect(await within(dunning).findByText('Für Rechnung RE-2026-000042 gilt jetzt ein Mahnstopp.')).toBeTruthy();
  });

  it('lifts a stop after asking, and names a failure by its code', async () => {
    let answer = problem(404, 'not_found', { detail: 'Invoice not found.' });
    // As on the server: once lifted, the refetched row has no stop (its lift button is gone).
    let row = stopped;
    const fetchMock = stubApi(
      () => page([row])(),
      () => {
        if (answer.status === 204) row = { ...stopped, stop: null };
        return answer;
      },
    );
    renderPage();
    const dunning = await section();
    fireEvent.click(
      await within(dunning).findByRole('button', { name: 'Mahnstopp aufheben: Rechnung RE-2026-000017' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Mahnstopp für Rechnung RE-2026-000017 aufheben?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mahnstopp aufheben' }));
    expect(await within(dialog).findByText(/Das Gesuchte gibt es nicht/)).toBeTruthy();
    expect(within(dialog).queryByText('Invoice not found.')).toBeNull();

    answer = new Response(null, { status: 204 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mahnstopp aufheben' }));
    await waitFor(() => expect(writes(fetchMock)).toHaveLength(2));
    const [url, init] = writes(fetchMock)[1] as Write;
    expect(url).toBe(`/api/v1/admin/invoices/${stopped.invoice.id}/dunning-stop`);
    expect(init.method).toBe('DELETE');
    await within(dunning).findByRole('button', { name: 'Mahnstopp setzen: Rechnung RE-2026-000017' });
    fetchMock.releaseOtherLists();
    expect(await within(dunning).findByText('Der Mahnstopp für Rechnung RE-2026-000017 ist aufgehoben.')).toBeTruthy();
  });

  it('says when nothing is overdue, offers a retry after an error, and is not for support', async () => {
    stubApi(page([]));
    const { unmount } = renderPage();
    expect(await within(await section()).findByText('Keine überfälligen Rechnungen in dieser Ansicht.')).toBeTruthy();
    unmount();

    stubApi(() => problem(500, 'internal'));
    const second = renderPage();
    expect(await within(await section()).findByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
    second.unmount();

    stubApi(page([reminded]));
    renderPage('support');
    expect(await screen.findByText('Diese Seite ist Ihrer Rolle nicht freigegeben.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Mahnwesen' })).toBeNull();
  });
});
