import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { CustomerPage } from './customer-page';

afterEach(() => vi.unstubAllGlobals());

const id = '4f7c1f0e-9f1a-4b6f-8a57-0b7f2d1e9c11';
const customer = {
  id,
  customerNumber: '10077',
  email: 'jane@example.org',
  name: 'Jane Doe',
  company: 'Doe GmbH',
  customerType: 'business',
  vatId: null,
  disabled: false,
  createdAt: '2026-01-01T10:00:00.000Z',
  phone: null,
  address: null,
  vatIdVerifiedAt: null,
  products: [],
  invoices: [],
  tickets: [],
};
const jane = { id, name: 'Jane Doe', email: 'jane@example.org' };
const mia = { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Mia Mitglied', email: 'mia@example.org' };
const entry = (n: number, type: string, user: typeof jane, extra: object = {}) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  occurredAt: '2026-03-01T09:30:00.000Z',
  requestId: `req-${n}`,
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36',
  details: {},
  user,
  ...extra,
});

/** The customer answers; the security log answers with `log(url)`. */
function stubApi(log: (url: string) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    return url.includes('/security-log') ? log(url) : json(200, customer);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderPage = () =>
  renderRoutes(
    [
      {
        element: <Outlet context={{ staffUserId: 'me', staffRole: 'support' }} />,
        children: [{ path: '/backoffice/customers/:id', element: <CustomerPage /> }],
      },
    ],
    `/backoffice/customers/${id}`,
  );

const section = () => screen.findByRole('region', { name: 'Sicherheitsprotokoll' });

describe('CustomerPage: the security log', () => {
  it('lists every member’s entries in words, names changes by the provider’s team, and loads older ones', async () => {
    const fetchMock = stubApi((url) =>
      url.includes('cursor=next-1')
        ? json(200, { items: [entry(3, 'password.changed', mia)], nextCursor: null, hasMore: false })
        : json(200, {
            items: [
              entry(1, 'account.changed_by_provider', jane, {
                ipAddress: null,
                userAgent: null,
                requestId: null,
                details: { action: 'verifyVatId' },
              }),
              entry(2, 'sign_in.failed', mia, { details: { reason: 'wrong_password' } }),
            ],
            nextCursor: 'next-1',
            hasMore: true,
          }),
    );
    renderPage();
    const log = await section();
    const rows = await within(log).findAllByRole('row');
    // The header row, then the entries.
    expect(rows).toHaveLength(3);
    const [, byProvider, failed] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(byProvider).getByText('Änderung durch das Team des Anbieters')).toBeTruthy();
    expect(within(byProvider).getByText('Team des Anbieters')).toBeTruthy();
    expect(within(byProvider).getByText('im Protokoll von Jane Doe')).toBeTruthy();
    expect(within(byProvider).getAllByText('nicht erfasst')).toHaveLength(2);
    expect(within(byProvider).getByText('action: verifyVatId')).toBeTruthy();
    expect(within(failed).getByText('Fehlgeschlagene Anmeldung')).toBeTruthy();
    expect(within(failed).getByText(/Mia Mitglied/)).toBeTruthy();
    expect(within(failed).getByText('mia@example.org')).toBeTruthy();
    expect(within(failed).getByText('203.0.113.7')).toBeTruthy();
    expect(within(failed).getByText('Chrome unter Linux')).toBeTruthy();
    expect(within(failed).queryByText('Team des Anbieters')).toBeNull();

    fireEvent.click(within(log).getByRole('button', { name: 'Weitere laden' }));
    expect(await within(log).findByText('Passwort geändert')).toBeTruthy();
    await waitFor(() => expect(within(log).queryByRole('button', { name: 'Weitere laden' })).toBeNull());
    const logCalls = fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/security-log'));
    expect(logCalls[0]).toContain(`/api/v1/admin/customers/${id}/security-log?limit=25`);
    expect(logCalls[1]).toContain('cursor=next-1');
  });

  it('says so when there are no entries', async () => {
    stubApi(() => json(200, { items: [], nextCursor: null, hasMore: false }));
    renderPage();
    expect(await within(await section()).findByText('Noch keine Einträge.')).toBeTruthy();
  });

  it('shows an error with a retry when the log cannot be read, while the rest of the page stays', async () => {
    let calls = 0;
    stubApi(() => {
      calls += 1;
      return calls === 1
        ? problem(503, 'service_unavailable', { detail: 'internal detail' })
        : json(200, { items: [entry(1, 'sign_out', jane)], nextCursor: null, hasMore: false });
    });
    renderPage();
    const log = await section();
    expect(await within(log).findByRole('alert')).toBeTruthy();
    expect(within(log).queryByText('internal detail')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Stammdaten' })).toBeTruthy();
    fireEvent.click(within(log).getByRole('button', { name: /erneut/i }));
    expect(await within(log).findByText('Abmeldung')).toBeTruthy();
  });

  it('shows a loading state until the log arrives', async () => {
    let answer: (response: Response) => void = () => {};
    stubApi(() => new Promise<Response>((resolve) => (answer = resolve)));
    renderPage();
    const log = await section();
    expect(within(log).getByRole('status')).toBeTruthy();
    answer(json(200, { items: [entry(1, 'sign_out', jane)], nextCursor: null, hasMore: false }));
    expect(await within(log).findByText('Abmeldung')).toBeTruthy();
  });
});
