import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meOf } from '../../testing/me';
import { renderRoutes } from '../../testing/render';
import { json } from '../../testing/responses';
import { BackofficeLayout } from './backoffice-layout';

afterEach(() => vi.unstubAllGlobals());

const staff = (secondFactorSetupRequired: boolean, staffRole: 'admin' | 'billing' = 'admin') =>
  meOf({
    role: 'staff',
    staffRole,
    customerId: null,
    customerNumber: null,
    customerType: null,
    memberRole: null,
    permissions: [],
    secondFactorSetupRequired,
  });

function renderAt(path: string, secondFactorSetupRequired: boolean, staffRole: 'admin' | 'billing' = 'admin') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json(200, staff(secondFactorSetupRequired, staffRole))),
  );
  return renderRoutes(
    [
      {
        path: '/backoffice',
        element: <BackofficeLayout />,
        children: [
          { index: true, element: <h1>Queue</h1> },
          { path: 'security', element: <h1>Security page</h1> },
          { path: 'collections', element: <h1>Collections</h1> },
        ],
      },
    ],
    path,
  );
}

describe('BackofficeLayout', () => {
  it('leads staff without the required authenticator app to their security settings', async () => {
    const { router } = renderAt('/backoffice', true);
    expect(await screen.findByRole('heading', { name: 'Security page' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/backoffice/security');
  });

  it('lands billing on the collections before drawing the frame, so nothing can be clicked on the way', async () => {
    const { router } = renderAt('/backoffice', false, 'billing');
    expect(await screen.findByRole('heading', { name: 'Collections' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/backoffice/collections');
  });

  it('lets staff with one (or where none is required) work', async () => {
    renderAt('/backoffice', false);
    expect(await screen.findByRole('heading', { name: 'Queue' })).toBeTruthy();
  });
});
