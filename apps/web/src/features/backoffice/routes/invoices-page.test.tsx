import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { InvoicesPage } from './invoices-page';

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

const customerId = '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11';
const openInvoice = {
  id: '0b6f3c2a-1d4e-4f5a-9b8c-7d6e5f4a3b2c',
  number: 'RE-2026-000042',
  kind: 'invoice',
  issueDate: '2026-11-01',
  dueDate: '2026-11-15',
  status: 'overdue',
  currency: 'EUR',
  amounts: { net: 10_000, tax: 1_900, gross: 11_900 },
  openAmount: 11_900,
  customerId,
  customerNumber: '10042',
  customerName: 'Erika Mustermann',
  customerCompany: 'Kranich GmbH',
};
const paidInvoice = {
  ...openInvoice,
  id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  number: 'RE-2026-000041',
  status: 'paid',
  openAmount: 0,
};
const customer = {
  id: customerId,
  customerNumber: '10042',
  email: 'erika@example.com',
  name: 'Erika Mustermann',
  company: 'Kranich GmbH',
  customerType: 'business',
  vatId: null,
  disabled: false,
  createdAt: '2026-01-01T10:00:00.000Z',
};

function stubApi(onWrite: (url: string, init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method && init.method !== 'GET') return onWrite(url, init);
    if (url.includes('/admin/customers')) return json(200, { items: [customer], nextCursor: null, hasMore: false });
    return json(200, { items: [openInvoice, paidInvoice], nextCursor: null, hasMore: false });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderPage = (staffRole: 'billing' | 'support' = 'billing') =>
  renderRoutes(
    [
      {
        element: <Outlet context={{ staffUserId: 'me', staffRole }} />,
        children: [{ path: '/backoffice/invoices', element: <InvoicesPage /> }],
      },
    ],
    '/backoffice/invoices',
  );

const writes = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST') as unknown as Array<[string, RequestInit]>;

describe('InvoicesPage', () => {
  it('lists invoices with their PDF and the action their state allows, filtered by search and status', async () => {
    const fetchMock = stubApi(() => json(500, {}));
    renderPage();
    const openRow = (await screen.findByText('RE-2026-000042')).closest('tr') as HTMLElement;
    expect(within(openRow).getByText('Überfällig')).toBeTruthy();
    expect(within(openRow).getByText(/Kranich GmbH/)).toBeTruthy();
    expect(
      within(openRow).getByRole('link', { name: 'PDF der Rechnung RE-2026-000042 öffnen' }).getAttribute('href'),
    ).toBe(`/api/v1/admin/invoices/${openInvoice.id}/pdf`);
    expect(within(openRow).getByRole('button', { name: 'Stornieren' })).toBeTruthy();
    expect(within(openRow).queryByRole('button', { name: 'Korrigieren' })).toBeNull();
    const paidRow = screen.getByText('RE-2026-000041').closest('tr') as HTMLElement;
    expect(within(paidRow).getByRole('button', { name: 'Korrigieren' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Suche'), { target: { value: 'Kranich' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'overdue' } });
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        '/api/v1/admin/invoices?q=Kranich&status=overdue&limit=50',
      ),
    );
  });

  it('cancels an invoice after asking, with a reason', async () => {
    const fetchMock = stubApi(() => json(201, { ...openInvoice, number: 'RE-2026-000043' }));
    renderPage();
    const openRow = (await screen.findByText('RE-2026-000042')).closest('tr') as HTMLElement;
    fireEvent.click(within(openRow).getByRole('button', { name: 'Stornieren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rechnung RE-2026-000042 stornieren?' });
    fireEvent.change(within(dialog).getByLabelText(/Grund/), { target: { value: 'Doppelt berechnet' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stornieren' }));
    await waitFor(() => expect(writes(fetchMock)).toHaveLength(1));
    const [url, init] = writes(fetchMock)[0] as [string, RequestInit];
    expect(url).toBe(`/api/v1/admin/invoices/${openInvoice.id}/cancellation`);
    expect(JSON.parse(String(init.body))).toEqual({ reason: 'Doppelt berechnet' });
  });

  it('issues an invoice with prices in euros and shows the server’s field errors at the line', async () => {
    const fetchMock = stubApi(() =>
      problem(400, 'validation_failed', {
        errors: [{ path: 'lines.0.vatRate', code: 'invalid', message: 'a reduced rate applies in Germany only' }],
      }),
    );
    renderPage();
    const form = (await screen.findByRole('heading', { name: 'Rechnung ausstellen' })).closest(
      'section',
    ) as HTMLElement;
    fireEvent.change(within(form).getByLabelText('Kunden suchen'), { target: { value: '10042' } });
    const select = within(form).getByLabelText(/^Kunde(?!n)/) as HTMLSelectElement;
    await within(select).findByRole('option', { name: '10042 · Kranich GmbH' });
    fireEvent.change(select, { target: { value: customerId } });
    fireEvent.change(within(form).getByLabelText(/Leistungszeitraum von/), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText(/Leistungszeitraum bis/), { target: { value: '2026-11-30' } });
    fireEvent.change(within(form).getByLabelText(/Beschreibung/), { target: { value: 'Colocation 1 HE' } });
    fireEvent.change(within(form).getByLabelText(/Einzelpreis/), { target: { value: '49,90' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Position hinzufügen' }));
    const second = within(form).getByRole('group', { name: 'Position 2' });
    fireEvent.change(within(second).getByLabelText(/Beschreibung/), { target: { value: 'Remote Hands' } });
    fireEvent.change(within(second).getByLabelText(/Menge/), { target: { value: '1,5' } });
    fireEvent.change(within(second).getByLabelText(/Einheit/), { target: { value: 'Std.' } });
    fireEvent.change(within(second).getByLabelText(/Einzelpreis/), { target: { value: '85' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Rechnung ausstellen' }));

    await waitFor(() => expect(writes(fetchMock)).toHaveLength(1));
    const [url, init] = writes(fetchMock)[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/admin/invoices');
    expect(JSON.parse(String(init.body))).toEqual({
      customerId,
      servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
      lines: [
        { description: 'Colocation 1 HE', quantity: 1, unit: 'Monat', unitPrice: 4990, vatRate: 'standard' },
        { description: 'Remote Hands', quantity: 1.5, unit: 'Std.', unitPrice: 8500, vatRate: 'standard' },
      ],
    });
    const first = within(form).getByRole('group', { name: 'Position 1' });
    expect(await within(first).findByText(/Steuersatz/, { selector: '.field-error' })).toBeTruthy();
  });

  it('tells a role without the invoices permission that the page is not theirs', async () => {
    stubApi(() => json(500, {}));
    renderPage('support');
    expect(await screen.findByText('Diese Seite ist Ihrer Rolle nicht freigegeben.')).toBeTruthy();
  });
});
