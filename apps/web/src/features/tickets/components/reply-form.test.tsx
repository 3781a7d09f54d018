import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { json } from '../../../testing/responses';
import { ReplyForm } from './reply-form';

const ticketId = '6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10';

afterEach(() => vi.unstubAllGlobals());

describe('ReplyForm', () => {
  it('asks in a dialog of the page, not window.confirm, before it closes the ticket', async () => {
    const fetchMock = vi.fn(async () => json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    renderWithProviders(<ReplyForm ticketId={ticketId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ticket schließen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ticket schließen?' });
    expect(dialog.textContent).toContain('Ist Ihr Anliegen erledigt?');
    expect(confirm).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, Ticket schließen' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/v1/tickets/${ticketId}/close`);
    expect(init.method).toBe('POST');
  });

  it('names an empty reply in a whole sentence', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<ReplyForm ticketId={ticketId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Antwort senden' }));
    expect(await screen.findByText('Bitte füllen Sie das Feld „Ihre Antwort“ aus.')).toBeTruthy();
  });

  it('sends the reply with its file as multipart/form-data', async () => {
    const fetchMock = vi.fn(async () =>
      json(201, {
        id: ticketId,
        author: 'customer',
        body: 'Anbei',
        createdAt: '2026-11-27T10:00:00.000Z',
        attachments: [],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<ReplyForm ticketId={ticketId} />);
    fireEvent.change(screen.getByLabelText('Ihre Antwort'), { target: { value: 'Anbei' } });
    const pdf = new File(['%PDF-1.7'], 'bericht.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Dateien auswählen'), { target: { files: [pdf] } });
    fireEvent.click(screen.getByRole('button', { name: 'Antwort senden' }));
    expect(await screen.findByText('Ihre Antwort wurde gesendet.')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/v1/tickets/${ticketId}/messages`);
    const form = init.body as FormData;
    expect(form.get('body')).toBe('Anbei');
    expect((form.getAll('attachments') as File[]).map((file) => file.name)).toEqual(['bericht.pdf']);
  });
});
