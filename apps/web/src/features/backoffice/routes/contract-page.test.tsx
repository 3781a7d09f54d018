import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { ContractPage } from './contract-page';

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

const id = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const price = (amount: number) => ({ amount, currency: 'EUR', interval: 'monthly', vatRate: 19, gross: amount * 1.19 });
const terms = (amount: number) => ({
  price: price(amount),
  minimumTermMonths: 12,
  noticePeriodMonths: 3,
  renewalMonths: 12,
});
const document = (documentId: string, title: string, current: boolean) => ({
  id: documentId,
  title,
  kind: 'order_confirmation',
  version: 'V-100042',
  acceptedOn: '2026-01-01',
  createdAt: '2026-01-01T10:00:00.000Z',
  sizeBytes: 2048,
  sha256: 'ab',
  current,
});
const contract = {
  id,
  contractNumber: 'V-100042',
  name: 'Rack B-07',
  category: 'rack',
  status: 'active',
  startDate: '2026-01-01',
  price: price(24_900),
  termEndsOn: '2026-12-31',
  runsIndefinitely: false,
  endDate: null,
  specs: [],
  contract: {
    minimumTermMonths: 12,
    noticePeriodMonths: 3,
    renewalMonths: 12,
    termEndsOn: '2026-12-31',
    earliestEndDate: '2026-12-31',
    noticeDeadline: '2026-09-30',
  },
  cancellation: null,
  changes: [
    {
      id: '6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      version: 2,
      effectiveDate: '2026-06-01',
      inEffect: true,
      reason: 'Energiekosten',
      before: terms(19_900),
      after: terms(24_900),
      documentId: '7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      createdAt: '2026-05-01T10:00:00.000Z',
    },
  ],
  customerId: '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11',
  customerNumber: '10042',
  customerName: 'Erika Mustermann',
  customerCompany: 'Kranich GmbH',
  customerType: 'business',
  documents: [
    document('8d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a', 'Auftragsbestätigung V-100042', false),
    document('7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', 'Vertragsänderung V-100042 (Fassung 2)', true),
  ],
};

function stubApi(onWrite: (url: string, init: RequestInit) => Response, detail: object = contract) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
    init?.method && init.method !== 'GET' ? onWrite(url, init) : json(200, detail),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderPage = (staffRole: 'billing' | 'admin') =>
  renderRoutes(
    [
      {
        element: <Outlet context={{ staffUserId: 'me', staffRole }} />,
        children: [{ path: '/backoffice/contracts/:id', element: <ContractPage /> }],
      },
    ],
    `/backoffice/contracts/${id}`,
  );

describe('ContractPage', () => {
  it('shows billing the terms, the change history and every document version, without changing anything', async () => {
    stubApi(() => json(500, {}));
    renderPage('billing');
    expect(await screen.findByRole('heading', { level: 1, name: 'V-100042 · Rack B-07' })).toBeTruthy();
    const changes = screen.getByRole('region', { name: 'Änderungen von Preis und Bedingungen' });
    expect(within(changes).getByText(/Fassung 2, gültig seit 01\.06\.2026/)).toBeTruthy();
    expect(within(changes).getByText(/199,00 €.*→.*249,00 €/)).toBeTruthy();
    const documents = screen.getByRole('region', { name: 'Vertragsunterlagen' });
    expect(within(documents).getAllByText('archiviert')).toHaveLength(1);
    expect(
      within(documents).getByRole('link', { name: 'Vertragsänderung V-100042 (Fassung 2) (PDF)' }).getAttribute('href'),
    ).toBe(`/api/v1/admin/contracts/${id}/documents/7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f`);
    expect(screen.queryByRole('button', { name: 'Preis oder Bedingungen ändern' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vertrag beenden' })).toBeNull();
  });

  it('lets an admin change the price in euros and shows the server’s date error at the field', async () => {
    const fetchMock = stubApi(() =>
      problem(400, 'validation_failed', {
        errors: [{ path: 'effectiveDate', code: 'dateInPast', message: 'must be today or later' }],
      }),
    );
    renderPage('admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Preis oder Bedingungen ändern' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vertrag V-100042 ändern' });
    expect((within(dialog).getByLabelText(/Preis netto in Euro/) as HTMLInputElement).value).toBe('249,00');
    fireEvent.change(within(dialog).getByLabelText(/Gültig ab/), { target: { value: '2027-01-01' } });
    fireEvent.change(within(dialog).getByLabelText(/Preis netto in Euro/), { target: { value: '1.299,50' } });
    fireEvent.change(within(dialog).getByLabelText(/Kündigungsfrist/), { target: { value: '1' } });
    fireEvent.change(within(dialog).getByLabelText(/^Grund/), { target: { value: 'Neue Stromtarife' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Änderung speichern' }));

    await waitFor(() => expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1));
    const [url, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as [string, RequestInit];
    expect(url).toBe(`/api/v1/admin/contracts/${id}/changes`);
    expect(JSON.parse(String(init.body))).toEqual({
      effectiveDate: '2027-01-01',
      price: { amount: 129_950, interval: 'monthly' },
      minimumTermMonths: 12,
      noticePeriodMonths: 1,
      renewalMonths: 12,
      reason: 'Neue Stromtarife',
    });
    expect(await within(dialog).findByText(/heute oder ein späteres Datum/)).toBeTruthy();
  });

  it('lets an admin move the end of a cancelled contract and shows the server’s error by its code', async () => {
    const cancelled = {
      ...contract,
      status: 'ended',
      endDate: '2026-06-30',
      cancellation: {
        id: '9e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b',
        type: 'ordinary',
        effectiveDate: '2026-06-30',
        receivedAt: '2026-03-01T10:00:00.000Z',
        reason: null,
        byProvider: false,
      },
    };
    const fetchMock = stubApi(
      () =>
        problem(400, 'validation_failed', {
          errors: [{ path: 'endDate', code: 'beforeStart', message: 'must not be before the start of the contract' }],
        }),
      cancelled,
    );
    renderPage('admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Vertragsende verschieben' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vertragsende von V-100042 verschieben?' });
    expect((within(dialog).getByLabelText(/Neuer letzter Vertragstag/) as HTMLInputElement).value).toBe('2026-06-30');
    fireEvent.change(within(dialog).getByLabelText(/Neuer letzter Vertragstag/), { target: { value: '2026-09-30' } });
    fireEvent.change(within(dialog).getByLabelText(/^Grund/), { target: { value: 'Wunsch des Kunden' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Vertragsende verschieben' }));

    await waitFor(() => expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')).toHaveLength(1));
    const [url, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT') as [string, RequestInit];
    expect(url).toBe(`/api/v1/admin/contracts/${id}/end`);
    expect(JSON.parse(String(init.body))).toEqual({ endDate: '2026-09-30', reason: 'Wunsch des Kunden' });
    expect(await within(dialog).findByText(/nicht vor dem Vertragsbeginn/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vertrag beenden' })).toBeNull();
  });

  it('lets an admin cancel a waiting change, never one in effect, and names a conflict', async () => {
    const [inEffect] = contract.changes;
    const waiting = { ...inEffect, id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e', version: 3, inEffect: false };
    const fetchMock = stubApi(() => problem(409, 'conflict'), { ...contract, changes: [waiting, inEffect] });
    renderPage('admin');
    expect(await screen.findByRole('button', { name: 'Änderung (Fassung 3) zurücknehmen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Änderung (Fassung 2) zurücknehmen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Änderung (Fassung 3) zurücknehmen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Änderung (Fassung 3) zurücknehmen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Änderung zurücknehmen' }));
    await waitFor(() => expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1));
    const [url] = fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE') as [string, RequestInit];
    expect(url).toBe(`/api/v1/admin/contracts/${id}/changes/${waiting.id}`);
    expect(await within(dialog).findByText(/bereits in Kraft/)).toBeTruthy();
  });

  it('says that a waiting change was taken back once it has left the list, with the focus on the message', async () => {
    const [inEffect] = contract.changes;
    const waiting = { ...inEffect, id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e', version: 3, inEffect: false };
    let detail: object = { ...contract, changes: [waiting, inEffect] };
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') {
        // The change is gone: the refetch after the call no longer lists it.
        detail = contract;
        return new Response(null, { status: 204 });
      }
      return json(200, detail);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderPage('admin');
    const changes = await screen.findByRole('region', { name: 'Änderungen von Preis und Bedingungen' });
    fireEvent.click(await within(changes).findByRole('button', { name: 'Änderung (Fassung 3) zurücknehmen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Änderung (Fassung 3) zurücknehmen?' });
    expect(within(changes).queryByRole('status')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Änderung zurücknehmen' }));

    const message = await within(changes).findByText(
      'Die Änderung (Fassung 3) wurde zurückgenommen; der Kunde wurde per E-Mail informiert.',
    );
    await waitFor(() =>
      expect(within(changes).queryByRole('button', { name: 'Änderung (Fassung 3) zurücknehmen' })).toBeNull(),
    );
    expect(message.closest('[role="status"]')).toBeTruthy();
    expect(globalThis.document.activeElement?.contains(message)).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
