import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { meOf } from '../../../testing/me';
import { renderRoutes } from '../../../testing/render';
import { LoginPage } from './login-page';

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const me = meOf({
  id: '7a1c4a2e-7a3b-4b8e-9d0b-3c1e2f4a5b6c',
  customerId: '7a1c4a2e-7a3b-4b8e-9d0b-3c1e2f4a5b6c',
  customerNumber: '10042',
  email: 'tom@example.com',
  name: 'Tom',
  customerType: 'consumer',
});
const challenge = {
  mfaRequired: true,
  challengeToken: 'challenge-token-1',
  expiresAt: '2030-01-01T00:05:00.000Z',
  methods: ['totp', 'recovery_code'],
};
const wrongCode = json(400, {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  code: 'validation_failed',
  requestId: 'r-1',
  errors: [{ path: 'code', code: 'codeWrong', message: 'is wrong or was already used' }],
});
const expired = json(401, { type: 'about:blank', title: 'x', status: 401, code: 'unauthenticated', requestId: 'r-2' });

/** The API behind the page: each call answers the next response of its route. */
function api(routes: Record<string, Response[]>) {
  return vi.fn(async (url: string, _init?: RequestInit) => {
    const path = new URL(url, 'http://localhost').pathname.replace('/api/v1', '');
    const next = routes[path]?.shift();
    if (!next) throw new Error(`unexpected call to ${path}`);
    return next;
  });
}

function renderLogin() {
  return renderRoutes(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <p>Übersicht geladen</p> },
    ],
    '/login',
  ).router;
}

async function passwordStep() {
  fireEvent.change(screen.getByLabelText('E-Mail-Adresse'), { target: { value: me.email } });
  fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'geheimes passwort' } });
  fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
  await screen.findByRole('heading', { level: 1, name: 'Bestätigen Sie Ihre Anmeldung' });
}

// The page loads its request module (zod, the contracts) on demand; here it is loaded before.
beforeAll(() => import('../api/login-request'), 60_000);
afterEach(() => vi.unstubAllGlobals());

describe('the second sign-in step', () => {
  it('asks for a code after the password, keeps the step after a wrong code, and signs in with a right one', async () => {
    const fetchMock = api({
      '/auth/login': [json(200, challenge)],
      '/auth/mfa': [wrongCode, json(200, { customer: me, expiresAt: '2030-01-01T00:15:00.000Z' })],
    });
    vi.stubGlobal('fetch', fetchMock);
    const router = renderLogin();
    await passwordStep();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('button', { name: 'Passkey verwenden' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(await screen.findByText('Bitte geben Sie den Code ein.')).toBeDefined();
    fireEvent.change(screen.getByLabelText(/Code oder Wiederherstellungscode/), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(await screen.findByText('Der Code ist falsch oder wurde schon verwendet.')).toBeDefined();

    fireEvent.change(screen.getByLabelText(/Code oder Wiederherstellungscode/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bestätigen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const bodies = fetchMock.mock.calls
      .filter(([url]) => String(url).endsWith('/auth/mfa'))
      .map(([, init]) => JSON.parse(String(init?.body)));
    expect(bodies).toEqual([
      { challengeToken: 'challenge-token-1', code: '000000' },
      { challengeToken: 'challenge-token-1', code: '123456' },
    ]);
  });

  it('goes back to the password step when the challenge has expired, saying why', async () => {
    vi.stubGlobal('fetch', api({ '/auth/login': [json(200, challenge)], '/auth/mfa': [expired] }));
    renderLogin();
    await passwordStep();
    fireEvent.change(screen.getByLabelText(/Code oder Wiederherstellungscode/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(await screen.findByText('Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.')).toBeDefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeDefined();
  });

  it('offers the passkey when the account has one', async () => {
    vi.stubGlobal(
      'fetch',
      api({ '/auth/login': [json(200, { ...challenge, methods: [...challenge.methods, 'passkey'] })] }),
    );
    renderLogin();
    await passwordStep();
    expect(screen.getByRole('button', { name: 'Passkey verwenden' })).toBeDefined();
  });
});
