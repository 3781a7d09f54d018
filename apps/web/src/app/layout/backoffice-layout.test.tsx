import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meOf } from '../../testing/me';
import { renderRoutes } from '../../testing/render';
import { json } from '../../testing/responses';
import { BackofficeLayout } from './backoffice-layout';

afterEach(() => vi.unstubAllGlobals());

const staff = (secondFactorSetupRequired: boolean) =>
  meOf({
    role: 'staff',
    staffRole: 'admin',
    customerId: null,
    customerNumber: null,
    customerType: null,
    memberRole: null,
    permissions: [],
    secondFactorSetupRequired,
  });

function renderAt(path: string, secondFactorSetupRequired: boolean) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json(200, staff(secondFactorSetupRequired))),
  );
  return renderRoutes(
    [
      {
        path: '/backoffice',
        element: <BackofficeLayout />,
        children: [
          { index: true, element: <h1>Queue</h1> },
          { path: 'security', element: <h1>Security page</h1> },
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

  it('lets staff with one (or where none is required) work', async () => {
    renderAt('/backoffice', false);
    expect(await screen.findByRole('heading', { name: 'Queue' })).toBeTruthy();
  });
});
