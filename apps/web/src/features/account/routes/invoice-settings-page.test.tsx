import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { InvoiceSettingsPage } from './invoice-settings-page';

const settings = { delivery: 'email_pdf', invoiceEmail: null, leitwegId: null, customerType: 'business' };

afterEach(() => vi.unstubAllGlobals());

describe('InvoiceSettingsPage', () => {
  it('shows the stored choice and saves delivery, invoice address and Leitweg-ID', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'PUT' ? json(200, JSON.parse(String(init.body))) : json(200, settings),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<InvoiceSettingsPage />);
    const pdf = await screen.findByLabelText(/Per E-Mail mit der Rechnung als PDF/);
    expect((pdf as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText(/Per E-Mail als PDF und zusätzlich als XRechnung/));
    fireEvent.change(screen.getByLabelText('E-Mail-Adresse für Rechnungen (optional)'), {
      target: { value: 'buchhaltung@example.com' },
    });
    fireEvent.change(screen.getByLabelText('Leitweg-ID (optional)'), { target: { value: '04011000-12345-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Ihre Einstellungen zum Rechnungsversand sind gespeichert.')).toBeTruthy();
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT') as unknown as [string, RequestInit];
    expect(put[0]).toBe('/api/v1/account/invoice-settings');
    expect(JSON.parse(String(put[1].body))).toEqual({
      delivery: 'email_pdf_xrechnung',
      invoiceEmail: 'buchhaltung@example.com',
      leitwegId: '04011000-12345-03',
      customerType: 'business',
    });
  });

  it('checks the invoice address in the browser and shows a refused Leitweg-ID at its field', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'PUT'
        ? problem(400, 'validation_failed', {
            errors: [{ path: 'leitwegId', code: 'leitwegIdInvalid', message: 'is not a Leitweg-ID' }],
          })
        : json(200, settings),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<InvoiceSettingsPage />);
    const email = await screen.findByLabelText('E-Mail-Adresse für Rechnungen (optional)');
    fireEvent.change(email, { target: { value: 'buchhaltung' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText(/„E-Mail-Adresse für Rechnungen“ ist keine gültige E-Mail-Adresse/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
    fireEvent.change(email, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Leitweg-ID (optional)'), { target: { value: '04011000-12345-99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText(/Das ist keine gültige Leitweg-ID/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText('Leitweg-ID (optional)').getAttribute('aria-invalid')).toBe('true'),
    );
  });
});
