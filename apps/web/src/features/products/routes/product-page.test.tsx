import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../../testing/render';
import { problem } from '../../../testing/responses';
import { ProductPage } from './product-page';

afterEach(() => vi.unstubAllGlobals());

describe('ProductPage', () => {
  it('says in German that the product does not exist, without the API’s English and without a retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(404, 'not_found', { detail: 'The product does not exist.' })),
    );
    renderRoutes(
      [{ path: '/products/:id', element: <ProductPage /> }],
      '/products/6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10',
    );
    expect(await screen.findByText(/Dieses Produkt gibt es in Ihrem Kundenkonto nicht/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Nicht gefunden' })).toBeTruthy();
    expect(screen.queryByText(/does not exist/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).toBeNull();
  });

  it('offers another try when the server fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(503, 'service_unavailable', { detail: 'The service is briefly unavailable. Try again.' }),
      ),
    );
    renderRoutes(
      [{ path: '/products/:id', element: <ProductPage /> }],
      '/products/6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10',
    );
    expect(await screen.findByRole('button', { name: 'Erneut versuchen' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Der Dienst ist gerade kurz nicht verfügbar/)).toBeTruthy();
  });
});
