import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { json } from '../../../testing/responses';
import { WebhooksSection } from './webhooks-section';

afterEach(() => vi.unstubAllGlobals());

const endpoint = {
  id: '3f1c7a52-8f1e-4c8e-9a51-0d7a2c3b4e5f',
  url: 'https://erp.example.com/hooks/portal',
  events: ['invoice.paid'],
  createdAt: '2026-12-02T10:00:00.000Z',
};

describe('WebhooksSection', () => {
  it('adds a receiver for the chosen events and shows its secret once', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? json(201, { ...endpoint, secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' })
        : json(200, { items: [], nextCursor: null, hasMore: false }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<WebhooksSection />);
    expect(await screen.findByText('Noch keine Webhook-Empfänger angelegt.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Adresse \(URL\) des Empfängers/), { target: { value: endpoint.url } });
    for (const label of ['Rechnung gestellt', 'Zahlung fehlgeschlagen', 'Antwort auf ein Ticket', 'Vertrag gekündigt'])
      fireEvent.click(screen.getByLabelText(label));
    fireEvent.click(screen.getByRole('button', { name: 'Empfänger anlegen' }));
    expect(await screen.findByText('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=')).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [string, RequestInit];
    expect(post[0]).toBe('/api/v1/webhook-endpoints');
    expect(JSON.parse(String(post[1].body))).toEqual({ url: endpoint.url, events: ['invoice.paid'] });
  });

  it('lists receivers with their delivery log and resends a delivery', async () => {
    const delivery = {
      id: '9d2c1b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      eventType: 'invoice.paid',
      status: 'failed',
      attempts: 12,
      lastResponseStatus: 500,
      lastError: 'answered 500',
      createdAt: '2026-12-01T10:00:00.000Z',
      nextAttemptAt: null,
      deliveredAt: null,
    };
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST')
        return json(202, { ...delivery, status: 'pending', nextAttemptAt: delivery.createdAt });
      if (url.includes('/deliveries')) return json(200, { items: [delivery], nextCursor: null, hasMore: false });
      return json(200, { items: [endpoint], nextCursor: null, hasMore: false });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<WebhooksSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Zustellungen anzeigen' }));
    expect(await screen.findByText('Fehlgeschlagen')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Erneut senden' }));
    expect(await screen.findByText('Die Zustellung wird erneut gesendet.')).toBeTruthy();
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
      `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}/resend`,
    );
  });
});
