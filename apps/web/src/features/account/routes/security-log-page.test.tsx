import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { SecurityLogPage } from './security-log-page';

const event = (id: number, type: string, details: object = {}) => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  type,
  occurredAt: '2026-03-01T09:30:00.000Z',
  requestId: `req-${id}`,
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36 <script>alert(1)</script>',
  details,
});

const json = (body: object) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function renderPage() {
  renderWithProviders(<SecurityLogPage />);
}

afterEach(() => vi.unstubAllGlobals());

describe('SecurityLogPage', () => {
  it('lists the entries in German, as text, and loads older ones with the cursor', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      return url.includes('cursor=next-1')
        ? json({ items: [event(3, 'password.changed')], nextCursor: null, hasMore: false })
        : json({
            items: [
              event(1, 'sign_in.failed', { reason: 'wrong_password' }),
              event(2, 'access.denied', { status: 403 }),
            ],
            nextCursor: 'next-1',
            hasMore: true,
          });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    expect(await screen.findByText('Fehlgeschlagene Anmeldung')).toBeTruthy();
    expect(screen.getByText('Zugriff verweigert')).toBeTruthy();
    expect(screen.getByText('reason: wrong_password')).toBeTruthy();
    // The device in German words; the user agent itself only as the cell's tooltip, as text.
    const devices = screen.getAllByText('Chrome unter Linux');
    expect(devices).toHaveLength(2);
    expect(devices[0]?.getAttribute('title')).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36 <script>alert(1)</script>',
    );
    expect(document.querySelector('td script')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ältere Einträge laden' }));
    expect(await screen.findByText('Passwort geändert')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Ältere Einträge laden' })).toBeNull());
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('/api/v1/account/security-events');
  });

  it("names a change by the provider's team in words, without the back office's operation id", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          items: [event(4, 'account.changed_by_provider', { action: 'setDunningStop' })],
          nextCursor: null,
          hasMore: false,
        }),
      ),
    );
    renderPage();
    expect(await screen.findByText('Änderung durch das Team des Anbieters')).toBeTruthy();
    expect(screen.queryByText(/setDunningStop/)).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ items: [], nextCursor: null, hasMore: false })),
    );
    renderPage();
    expect(await screen.findByText('Noch keine Einträge.')).toBeTruthy();
  });
});
