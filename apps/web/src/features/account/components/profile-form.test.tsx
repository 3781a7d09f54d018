import type { TProfile } from '@portal/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { json, problem } from '../../../testing/responses';
import { ProfileForm } from './profile-form';

const profile: TProfile = {
  customerNumber: 'K-10001',
  email: 'erika@example.com',
  pendingEmail: null,
  name: 'Erika Mustermann',
  company: 'Mustermann Hosting GmbH',
  address: { street: 'Hafenstraße 12', postalCode: '24937', city: 'Flensburg', country: 'DE' },
  phone: null,
  vatId: 'DE123456789',
};

afterEach(() => vi.unstubAllGlobals());

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));

describe('ProfileForm', () => {
  it('refuses the postal code 123 for Germany before sending', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<ProfileForm profile={profile} />);
    type('PLZ', '123');
    save();
    expect(await screen.findByText(/Die Postleitzahl passt nicht zum gewählten Land/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('names an empty required field in a whole sentence', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<ProfileForm profile={profile} />);
    type('Straße und Hausnummer', '  ');
    save();
    expect(await screen.findByText('Bitte füllen Sie das Feld „Straße und Hausnummer“ aus.')).toBeTruthy();
  });

  it('sends the contract body and shows a VAT ID refused by the API at its field', async () => {
    const fetchMock = vi.fn(async () =>
      problem(400, 'validation_failed', {
        errors: [{ path: 'vatId', code: 'vatIdFormat', message: 'does not match the format of its country' }],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<ProfileForm profile={profile} />);
    type('USt-IdNr. (optional)', 'DE12345');
    save();
    expect(await screen.findByText(/Die USt-IdNr. hat nicht das Format ihres Landes/)).toBeTruthy();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({
      name: 'Erika Mustermann',
      company: 'Mustermann Hosting GmbH',
      address: { street: 'Hafenstraße 12', postalCode: '24937', city: 'Flensburg', country: 'DE' },
      phone: null,
      vatId: 'DE12345',
    });
  });

  it('says when it has saved', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, profile)),
    );
    renderWithProviders(<ProfileForm profile={profile} />);
    save();
    await waitFor(() => expect(screen.getByText('Ihre Angaben sind gespeichert.')).toBeTruthy());
  });
});
