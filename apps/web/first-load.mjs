// @ts-check
/**
 * The pages most visits start on, and what their first load needs before it can paint: the lazy
 * route modules the router loads for the page (apps/web/src/app/router.tsx) and the API reads
 * its components start. One table for three users:
 * - scripts/check-bundle-budget.mjs checks each page's first load against the budget (ADR 0008);
 * - the build (vite.config.ts, `preloadHints`) writes dist/preload-hints.json with the files;
 * - the API (apps/api/src/plugins/web.ts) answers a navigation to one of these paths with `Link`
 *   headers, so the browser fetches the page's modules — and, for a signed-in visitor, its data —
 *   while it still reads the HTML, instead of one round trip after the other (#19).
 * `data` are reads that need the session (preloaded for a signed-in visitor only), `publicData`
 * reads anyone may make; both must be the exact URLs the page requests (a preload is used only on
 * an exact match; e2e/tests/first-load.spec.ts checks that it is). `budgetKb` overrides the
 * budget of a page's first load (170 KB gzipped).
 */
/** The signed-in frame around every customer page (vite.config.ts builds its chunks from it). */
export const signedInFrame = ['src/app/require-auth.tsx', 'src/app/layout/app-layout.tsx'];

/** The provider's name and legal details: the frame and the sign-in page show them. */
const provider = ['/api/v1/provider'];

/** @type {import('./first-load.d.mts').FirstLoadPage[]} */
export const firstLoadPages = [
  {
    name: 'sign-in',
    path: '/login',
    modules: ['src/features/auth/routes/login-route.tsx'],
    data: [],
    publicData: provider,
  },
  {
    name: 'overview',
    path: '/',
    modules: [...signedInFrame, 'src/features/overview/routes/overview-route.tsx'],
    data: ['/api/v1/me', '/api/v1/overview'],
    publicData: provider,
  },
  {
    name: 'invoices',
    path: '/invoices',
    modules: [...signedInFrame, 'src/features/invoices/routes/invoices-route.tsx'],
    data: ['/api/v1/me', '/api/v1/invoices'],
    publicData: provider,
  },
  {
    // Staff start on the tickets queue; its first load has its own budget (#20: ≤ 200 KB). Its
    // reads are not preloaded: the queue's filters come from the staff member's last visit.
    name: 'back office',
    path: '/backoffice',
    modules: [
      'src/app/require-auth.tsx',
      'src/app/layout/backoffice-layout.tsx',
      'src/features/backoffice/routes/home-route.tsx',
    ],
    data: [],
    publicData: [],
    budgetKb: 200,
  },
];
