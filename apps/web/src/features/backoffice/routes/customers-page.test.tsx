import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { CustomersPage } from './customers-page';

afterEach(() => vi.unstubAllGlobals());

function stubApi(onCreate: (init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'POST' ? onCreate(init) : json(200, { items: [], nextCursor: null, hasMore: false }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderPage = (staffRole: 'support' | 'admin') =>
  renderRoutes(
    [
      {
        element: <Outlet context={{ staffUserId: 'me', staffRole }} />,
        children: [{ path: '/backoffice/customers', element: <CustomersPage /> }],
      },
    ],
    '/backoffice/customers',
  );

const created = {
  id: '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11',
  customerNumber: '10077',
  email: 'jane@example.org',
  name: 'Jane Doe',
  company: null,
  customerType: 'consumer',
};

describe('CustomersPage: creating a customer', () => {
  it('sends the language staff chose, so the welcome mail goes out in it', async () => {
    const fetchMock = stubApi(() => json(201, created));
    renderPage('admin');
    const form = await screen.findByRole('region', { name: 'Kunden anlegen' });
    fireEvent.change(within(form).getByLabelText(/^E-Mail-Adresse/), { target: { value: 'jane@example.org' } });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Jane Doe' } });
    fireEvent.click(within(form).getByLabelText(/^Verbraucher/));
    fireEvent.click(within(form).getByLabelText(/^Englisch/));
    fireEvent.click(within(form).getByRole('button', { name: 'Kunden anlegen' }));

    await waitFor(() => expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1));
    const [url, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as [string, RequestInit];
    expect(url).toBe('/api/v1/admin/customers');
    expect(JSON.parse(String(init.body))).toEqual({
      email: 'jane@example.org',
      name: 'Jane Doe',
      customerType: 'consumer',
      language: 'en',
    });
    expect(await within(form).findByText(/Der Kunde 10077 wurde angelegt/)).toBeTruthy();
    expect(within(form).getByRole('link', { name: 'Kunden öffnen' }).getAttribute('href')).toBe(
      `/backoffice/customers/${created.id}`,
    );
  });

  it('names an e-mail address already in use at its field, and support does not see the form', async () => {
    stubApi(() =>
      problem(409, 'conflict', { errors: [{ path: 'email', code: 'emailInUse', message: 'is already in use' }] }),
    );
    const { unmount } = renderPage('admin');
    const form = await screen.findByRole('region', { name: 'Kunden anlegen' });
    fireEvent.change(within(form).getByLabelText(/^E-Mail-Adresse/), { target: { value: 'taken@example.org' } });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Jane Doe' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Kunden anlegen' }));
    expect((await within(form).findAllByText(/bereits/)).length).toBeGreaterThan(0);
    unmount();

    renderPage('support');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kunden' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Kunden anlegen' })).toBeNull();
  });
});
