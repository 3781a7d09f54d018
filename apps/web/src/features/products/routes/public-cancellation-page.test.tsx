import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { json } from '../../../testing/responses';
import { PublicCancellationPage } from './public-cancellation-page';

const provider = {
  name: 'Nordwind Rechenzentren GmbH',
  address: { street: 'Deichstraße 1', postalCode: '25917', city: 'Enge-Sande', country: 'DE' },
  phone: '+49 4662 0000',
  email: 'kontakt@example.com',
  website: 'https://example.com',
  supportHours: 'Mo–Fr 8–18 Uhr',
  vatId: 'DE999999999',
  register: 'Amtsgericht Flensburg HRB 1',
  managingDirectors: 'Jane Doe',
};

function api() {
  return vi.fn(async (url: string, init?: RequestInit) =>
    init?.method === 'POST'
      ? json(202, { reference: 'K-2026-0001', receivedAt: '2026-11-27T10:00:00.000Z' })
      : url.endsWith('/provider')
        ? json(200, provider)
        : json(404, {}),
  );
}

const renderPage = () => renderRoutes([{ path: '/kuendigen', element: <PublicCancellationPage /> }], '/kuendigen');

afterEach(() => vi.unstubAllGlobals());

describe('PublicCancellationPage (§312k BGB)', () => {
  it('names the provider with its mark and asks in the order of §312k (2)', async () => {
    vi.stubGlobal('fetch', api());
    renderPage();
    expect(await screen.findByText('Nordwind Rechenzentren GmbH')).toBeTruthy();
    expect(
      screen.getByText(/Ihr Vertragspartner: Nordwind Rechenzentren GmbH, Deichstraße 1, 25917 Enge-Sande/),
    ).toBeTruthy();
    expect(document.querySelector('.public-header img')).not.toBeNull();
    const legends = [...document.querySelectorAll('fieldset.form-section > legend')].map(
      (legend) => legend.textContent,
    );
    expect(legends).toEqual([
      'Wie möchten Sie kündigen?',
      'Wer kündigt?',
      'Welcher Vertrag?',
      'Zu welchem Zeitpunkt?',
      'Wohin senden wir die Bestätigung?',
    ]);
    // The language switch sits in the letterhead, not between the heading and the form.
    expect(
      within(document.querySelector('.public-header') as HTMLElement).getByRole('button', { name: 'English' }),
    ).toBeTruthy();
    await vi.waitFor(() => expect(document.title).toBe('Verträge hier kündigen – Nordwind Rechenzentren GmbH'));
  });

  it('sends the declaration with a date of one’s own and shows the receipt', async () => {
    const fetchMock = api();
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    fireEvent.change(screen.getByLabelText('Name bzw. Firma'), { target: { value: 'Erika Mustermann' } });
    fireEvent.change(screen.getByLabelText('Vertrag'), { target: { value: 'V-100001' } });
    fireEvent.click(screen.getByLabelText('Zu einem bestimmten Datum'));
    fireEvent.click(screen.getByRole('button', { name: 'jetzt kündigen' }));
    expect(await screen.findByText('Bitte füllen Sie das Feld „Gewünschtes Vertragsende“ aus.')).toBeTruthy();
    expect(screen.getByText(/Bitte füllen Sie das Feld „E-Mail-Adresse für die Bestätigung“ aus/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Gewünschtes Vertragsende'), { target: { value: '2027-03-31' } });
    fireEvent.change(screen.getByLabelText('E-Mail-Adresse für die Bestätigung'), {
      target: { value: 'erika@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'jetzt kündigen' }));
    expect(await screen.findByText('K-2026-0001')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(init.body))).toEqual({
      type: 'ordinary',
      name: 'Erika Mustermann',
      contract: 'V-100001',
      endDate: '2027-03-31',
      email: 'erika@example.com',
      // The receipt goes out in the language the form was filled in.
      language: 'de',
    });
  });

  it('filled in English, asks for the receipt in English', async () => {
    const fetchMock = api();
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    fireEvent.click(
      within(document.querySelector('.public-header') as HTMLElement).getByRole('button', { name: 'English' }),
    );
    fireEvent.change(await screen.findByLabelText('Name or company'), { target: { value: 'Mustermann Ltd' } });
    fireEvent.change(screen.getByLabelText('Contract'), { target: { value: 'V-100001' } });
    fireEvent.change(screen.getByLabelText('E-mail address for the confirmation'), {
      target: { value: 'office@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel now' }));
    expect(await screen.findByText('K-2026-0001')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(init.body))).toMatchObject({ name: 'Mustermann Ltd', language: 'en' });
  });
});
