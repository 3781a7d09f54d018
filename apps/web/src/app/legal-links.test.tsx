import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../features/auth/routes/login-page';
import { PublicCancellationPage } from '../features/products/routes/public-cancellation-page';
import { LanguageProvider } from '../lib/i18n';
import { AppLayout } from './layout/app-layout';

const json = (body: object) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function renderAt(element: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/', element, children: [{ index: true, element: <p>Seite</p> }] }]);
  render(
    <QueryClientProvider client={client}>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

/** The Impressum and privacy links of the page's legal navigation. */
function legalLinks(name = 'Rechtliches') {
  const nav = screen.getByRole('navigation', { name });
  return within(nav)
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

afterEach(() => vi.unstubAllGlobals());

describe('Impressum and privacy notice links (§5 DDG, Art. 13 GDPR)', () => {
  it('are on the sign-in page', () => {
    renderAt(<LoginPage />);
    expect(legalLinks()).toEqual([
      ['Impressum', '/impressum'],
      ['Datenschutz', '/datenschutz'],
    ]);
  });

  it('are on the public cancellation page', () => {
    renderAt(<PublicCancellationPage />);
    expect(legalLinks()).toEqual([
      ['Impressum', '/impressum'],
      ['Datenschutz', '/datenschutz'],
    ]);
  });

  it("are in the signed-in frame's footer, beside the cancellation button, in English too", async () => {
    localStorage.setItem('portal.language', 'en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).endsWith('/me')
          ? json({
              id: '00000000-0000-4000-8000-000000000001',
              customerNumber: '10001',
              email: 'privat@example.com',
              name: 'Jonas Privat',
              company: null,
              role: 'customer',
              staffRole: null,
              customerType: 'consumer',
            })
          : new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } }),
      ),
    );
    renderAt(<AppLayout />);
    expect(await screen.findByText('Seite')).toBeTruthy();
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Cancel contracts here' }).getAttribute('href')).toBe('/kuendigen');
    expect(legalLinks('Legal')).toEqual([
      ['Imprint', '/impressum'],
      ['Privacy notice', '/datenschutz'],
    ]);
  });
});
