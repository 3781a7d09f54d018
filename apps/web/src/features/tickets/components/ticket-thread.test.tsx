import type { TTicket } from '@portal/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { TicketThread } from './ticket-thread';

const ticket: TTicket = {
  id: '6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10',
  number: 100042,
  subject: 'Test',
  category: 'technical',
  status: 'waiting_for_customer',
  productId: null,
  createdAt: '2026-11-27T08:00:00.000Z',
  updatedAt: '2026-11-27T09:00:00.000Z',
  messages: [
    {
      id: '0b0b7f8e-3d5c-4f9a-8e7d-2a1b3c4d5e6f',
      author: 'customer',
      body: 'Hallo <script>window.hacked = true</script><img src=x onerror="window.hacked = true">',
      createdAt: '2026-11-27T08:00:00.000Z',
      attachments: [
        {
          id: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          filename: 'mtr.log',
          contentType: 'text/plain; charset=utf-8',
          sizeBytes: 2048,
        },
      ],
    },
    {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      author: 'staff',
      body: 'Zeile 1\nZeile 2',
      createdAt: '2026-11-27T09:00:00.000Z',
      attachments: [],
    },
  ],
};

describe('TicketThread', () => {
  it('shows message bodies as text, never as markup', () => {
    const { container } = renderWithProviders(<TicketThread ticket={ticket} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/Hallo <script>window.hacked = true<\/script>/)).toBeTruthy();
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('labels who wrote each message and offers the attachments for download', () => {
    renderWithProviders(<TicketThread ticket={ticket} />);
    expect(screen.getByRole('article', { name: 'Sie' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Support' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'mtr.log herunterladen (2 KB)' })).toBeTruthy();
  });
});
