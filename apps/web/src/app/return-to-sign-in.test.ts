import { createMemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { returnToSignIn } from './return-to-sign-in';

/** A page whose sign-in route loads lazily, as in the app: the navigation stays pending until it is released. */
function routerOnInvoices() {
  let release = () => {};
  const loaded = new Promise<void>((resolve) => {
    release = resolve;
  });
  const router = createMemoryRouter(
    [
      { path: '/invoices', element: null },
      {
        path: '/login',
        lazy: async () => {
          await loaded;
          return { element: null };
        },
      },
    ],
    { initialEntries: ['/invoices?status=open'] },
  );
  return { router, release };
}

describe('returnToSignIn', () => {
  it('starts the way to sign-in once when several requests answer 401 together', async () => {
    const { router, release } = routerOnInvoices();
    const navigate = vi.spyOn(router, 'navigate');

    returnToSignIn(router);
    returnToSignIn(router);
    returnToSignIn(router);
    expect(navigate).toHaveBeenCalledTimes(1);

    release();
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/invoices?status=open')}`);

    returnToSignIn(router);
    expect(navigate).toHaveBeenCalledTimes(1);
  });
});
