import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json } from '../../../testing/responses';
import { NewTicketForm } from './new-ticket-form';

afterEach(() => vi.unstubAllGlobals());

const api = () =>
  vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'POST'
      ? json(201, {
          id: '6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10',
          number: 100043,
          subject: 'Server antwortet nicht',
          category: 'technical',
          status: 'open',
          createdAt: '2026-11-27T10:00:00.000Z',
          updatedAt: '2026-11-27T10:00:00.000Z',
          productId: null,
          messages: [],
        })
      : json(200, { items: [], nextCursor: null, hasMore: false }),
  );

describe('NewTicketForm', () => {
  it('says what is missing in whole sentences and sends nothing', async () => {
    const fetchMock = api();
    vi.stubGlobal('fetch', fetchMock);
    renderRoutes([{ path: '/contact', element: <NewTicketForm /> }], '/contact');
    fireEvent.change(screen.getByLabelText('Betreff'), { target: { value: 'ab' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ticket eröffnen' }));
    expect(
      await screen.findByText('Bitte wählen Sie bei „Kategorie“ eine der angebotenen Möglichkeiten.'),
    ).toBeTruthy();
    expect(screen.getByText('„Betreff“ ist zu kurz: Bitte geben Sie mindestens 3 Zeichen ein.')).toBeTruthy();
    expect(screen.getByText('Bitte füllen Sie das Feld „Ihre Nachricht“ aus.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('refuses a file of the wrong type where it is listed, before uploading', async () => {
    vi.stubGlobal('fetch', api());
    renderRoutes([{ path: '/contact', element: <NewTicketForm /> }], '/contact');
    const input = screen.getByLabelText('Dateien auswählen');
    fireEvent.change(input, {
      target: { files: [new File(['x'], 'virus.exe', { type: 'application/octet-stream' })] },
    });
    expect(await screen.findByRole('button', { name: 'virus.exe entfernen' })).toBeTruthy();
    expect(screen.getByText('Nur PDF, PNG, JPEG, TXT oder LOG sind erlaubt.')).toBeTruthy();
  });

  it('sends the fields and the chosen file as multipart/form-data and says the ticket is open', async () => {
    const fetchMock = api();
    vi.stubGlobal('fetch', fetchMock);
    renderRoutes([{ path: '/contact', element: <NewTicketForm /> }], '/contact');
    fireEvent.change(screen.getByLabelText('Kategorie'), { target: { value: 'technical' } });
    fireEvent.change(screen.getByLabelText('Betreff'), { target: { value: 'Server antwortet nicht' } });
    fireEvent.change(screen.getByLabelText('Ihre Nachricht'), { target: { value: 'Seit 10 Uhr keine Antwort.' } });
    const log = new File(['kernel: link down\n'], 'syslog.log', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Dateien auswählen'), { target: { files: [log] } });
    fireEvent.click(screen.getByRole('button', { name: 'Ticket eröffnen' }));
    expect(await screen.findByText('Ticket #100043 wurde eröffnet.')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [
      string,
      RequestInit,
    ];
    // No base64 in JSON: the browser sets the multipart content type with its boundary.
    expect(new Headers(init.headers).get('content-type')).toBeNull();
    expect(new Headers(init.headers).get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'))).toEqual({
      category: 'technical',
      subject: 'Server antwortet nicht',
      message: 'Seit 10 Uhr keine Antwort.',
    });
    const files = form.getAll('attachments') as File[];
    expect(files.map((file) => file.name)).toEqual(['syslog.log']);
    expect(await files[0]?.text()).toBe('kernel: link down\n');
  });
});
