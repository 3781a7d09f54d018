import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { problem } from '../../../testing/responses';
import { BankAccountForm } from './bank-account-form';

afterEach(() => vi.unstubAllGlobals());

describe('BankAccountForm', () => {
  it('explains wrong IBAN check digits in a whole sentence', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(400, 'validation_failed', {
          errors: [{ path: 'iban', code: 'ibanChecksum', message: 'has wrong check digits (typo?)' }],
        }),
      ),
    );
    renderWithProviders(<BankAccountForm creditorName="Nordlicht Rechenzentrum GmbH" onSaved={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Kontoinhaber'), { target: { value: 'Erika Mustermann' } });
    fireEvent.change(screen.getByLabelText('IBAN'), { target: { value: 'DE89370400440532013001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern und Mandat erteilen' }));
    expect(await screen.findByText(/^Die Prüfziffern der IBAN stimmen nicht\./)).toBeTruthy();
    expect(screen.queryByText(/hat falsche Prüfziffern/)).toBeNull();
  });
});
