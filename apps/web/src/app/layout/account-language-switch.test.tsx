import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { useMe } from '../../features/auth/api/get-me';
import { meOf } from '../../testing/me';
import { renderRoutes, renderWithProviders } from '../../testing/render';
import { json } from '../../testing/responses';
import { RequireAuth } from '../require-auth';
import { AccountLanguageSwitch } from './account-language-switch';

afterEach(() => vi.unstubAllGlobals());

/** The API: /me answers the given user, PUT /me/language 204; every call is recorded. */
function api(language: 'de' | 'en' = 'de') {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://localhost').pathname.replace('/api/v1', '');
    if (path === '/me' && (init?.method ?? 'GET') === 'GET') return json(200, meOf({ language }));
    if (path === '/me/language' && init?.method === 'PUT') return new Response(null, { status: 204 });
    throw new Error(`unexpected call to ${init?.method} ${path}`);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const languageCalls = (fetch: ReturnType<typeof api>) =>
  fetch.mock.calls
    .filter(([url]) => String(url).endsWith('/me/language'))
    .map(([, init]) => ({ method: init?.method, body: JSON.parse(String(init?.body)) }));

describe('switching the language', () => {
  it('saves the choice to the signed-in user, so that e-mails follow it', async () => {
    const fetch = api();
    renderWithProviders(<AccountLanguageSwitch label="Sprache" />);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(languageCalls(fetch)).toEqual([{ method: 'PUT', body: { language: 'en' } }]));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('does not call the API again for the language already chosen', async () => {
    const fetch = api();
    renderWithProviders(<AccountLanguageSwitch label="Sprache" />);
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(languageCalls(fetch)).toEqual([]);
  });

  it('signed out (sign-in page, public forms) only remembers it in the browser', () => {
    const fetch = api();
    renderWithProviders(<LanguageSwitch label="Sprache / Language" />);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('portal.language')).toBe('en');
    expect(fetch).not.toHaveBeenCalled();
  });
});

/** Shows the signed-in user's name once /me has answered. */
function SignedInName() {
  return <p>{useMe().data?.name}</p>;
}

describe('signing in', () => {
  it("starts the portal in the user's saved language", async () => {
    api('en');
    renderRoutes(
      [{ path: '/', element: <RequireAuth />, children: [{ index: true, element: <h1>Übersicht</h1> }] }],
      '/',
    );
    expect(await screen.findByRole('heading', { name: 'Übersicht' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    // Not remembered as this browser's choice: a change saved on another device is followed.
    expect(localStorage.getItem('portal.language')).toBeNull();
  });

  it('keeps a choice made in this browser over the saved language', async () => {
    localStorage.setItem('portal.language', 'de');
    api('en');
    renderRoutes(
      [{ path: '/', element: <RequireAuth />, children: [{ index: true, element: <SignedInName /> }] }],
      '/',
    );
    // Once /me is in, its language has had its chance.
    expect(await screen.findByText('Erika Mustermann')).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
  });
});
