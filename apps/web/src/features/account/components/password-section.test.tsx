import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { problem } from '../../../testing/responses';
import { PasswordSection } from './password-section';

afterEach(() => vi.unstubAllGlobals());

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('PasswordSection', () => {
  it('flags a new password that is too short before sending anything', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<PasswordSection />);
    type('Aktuelles Passwort', 'altes passwort 2026');
    type('Neues Passwort', 'kurz');
    type('Neues Passwort wiederholen', 'kurz');
    fireEvent.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect(await screen.findByText('Das Passwort ist zu kurz. Bitte wählen Sie mindestens 12 Zeichen.')).toBeTruthy();
    expect(screen.getByLabelText('Neues Passwort').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('names a missing field and a repeat that does not match in whole sentences', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<PasswordSection />);
    type('Neues Passwort', 'ein langes neues passwort');
    type('Neues Passwort wiederholen', 'ein anderes neues passwort');
    fireEvent.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect(await screen.findByText('Bitte füllen Sie das Feld „Aktuelles Passwort“ aus.')).toBeTruthy();
    expect(screen.getByText(/Die beiden Passwörter stimmen nicht überein/)).toBeTruthy();
  });

  it('shows the API’s field error by its code at its field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(400, 'validation_failed', {
          errors: [{ path: 'currentPassword', code: 'wrongPassword', message: 'is wrong' }],
        }),
      ),
    );
    renderWithProviders(<PasswordSection />);
    type('Aktuelles Passwort', 'falsch geraten');
    type('Neues Passwort', 'ein langes neues passwort');
    type('Neues Passwort wiederholen', 'ein langes neues passwort');
    fireEvent.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect(
      await screen.findByText('Das Passwort ist nicht richtig. Bitte geben Sie Ihr aktuelles Passwort ein.'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText('Aktuelles Passwort').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByText('is wrong')).toBeNull();
  });
});
