import { Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/paths';
import { BootScreen } from './boot-screen';
import { NotFoundPage } from './not-found';
import { RouteError } from './route-error';

/**
 * Every page. Every page, sign-in included, and the signed-in frame load lazily, so the first load
 * carries only the router, the providers and the error pages; a signed-in visit never loads the
 * sign-in form (and react-hook-form with it), a sign-in visit never loads zod before the first
 * submit (see features/auth/api/login.ts).
 * A feature's route module exports `Component` (React Router's lazy convention).
 * main.tsx makes the router from them.
 */
export const routes: RouteObject[] = [
  {
    // Shown while the first page's lazy modules arrive: the same mark as the shell in index.html.
    HydrateFallback: BootScreen,
    // Any failure outside the signed-in frame (a public page's chunk, say) gets a whole page.
    errorElement: <RouteError fullPage />,
    children: [
      { path: paths.login, lazy: () => import('../features/auth/routes/login-route') },
      { path: paths.publicCancellation, lazy: () => import('../features/products/routes/public-cancellation-route') },
      { path: paths.resetPassword, lazy: () => import('../features/account/routes/reset-password-route') },
      { path: paths.confirmEmail, lazy: () => import('../features/account/routes/confirm-email-route') },
      { path: paths.imprint, lazy: () => import('../features/legal/routes/imprint-route') },
      { path: paths.privacy, lazy: () => import('../features/legal/routes/privacy-route') },
      {
        // The signed-in frame needs the contracts (and zod) for /me: loaded with the page, in parallel.
        lazy: async () => ({ Component: (await import('./require-auth')).RequireAuth }),
        children: [
          {
            // The back office: its own frame and chunks; customers never load them (ADR 0022).
            path: paths.backoffice,
            lazy: async () => ({ Component: (await import('./layout/backoffice-layout')).BackofficeLayout }),
            // Each page has its own error element: a wrapper route would not pass the frame's outlet context on.
            children: [
              { index: true, lazy: () => import('../features/backoffice/routes/home-route') },
              { path: paths.backofficeTicket(':id'), lazy: () => import('../features/backoffice/routes/ticket-route') },
              {
                path: paths.backofficeCancellations,
                lazy: () => import('../features/backoffice/routes/cancellations-route'),
              },
              { path: paths.backofficeCustomers, lazy: () => import('../features/backoffice/routes/customers-route') },
              {
                path: paths.backofficeCustomer(':id'),
                lazy: () => import('../features/backoffice/routes/customer-route'),
              },
              {
                path: paths.backofficeCollections,
                lazy: () => import('../features/backoffice/routes/collections-route'),
              },
              { path: paths.backofficeInvoices, lazy: () => import('../features/backoffice/routes/invoices-route') },
              {
                path: paths.backofficeInvoice(':id'),
                lazy: () => import('../features/backoffice/routes/invoice-route'),
              },
              {
                path: paths.backofficeAnnouncements,
                lazy: () => import('../features/backoffice/routes/announcements-route'),
              },
              { path: paths.backofficeContracts, lazy: () => import('../features/backoffice/routes/contracts-route') },
              {
                path: paths.backofficeContract(':id'),
                lazy: () => import('../features/backoffice/routes/contract-route'),
              },
              { path: paths.backofficeStaff, lazy: () => import('../features/backoffice/routes/staff-users-route') },
              { path: paths.backofficeAudit, lazy: () => import('../features/backoffice/routes/audit-log-route') },
              {
                path: paths.backofficeSecurity,
                lazy: () => import('../features/backoffice/routes/security-route'),
              },
              { path: '*', Component: NotFoundPage },
            ].map((route) => ({ ...route, errorElement: <RouteError /> })),
          },
          {
            lazy: async () => ({ Component: (await import('./layout/app-layout')).AppLayout }),
            children: [
              {
                // Inside the frame: navigation and sign-out stay while one page fails.
                errorElement: <RouteError />,
                children: [
                  { index: true, lazy: () => import('../features/overview/routes/overview-route') },
                  { path: paths.products, lazy: () => import('../features/products/routes/products-route') },
                  { path: paths.product(':id'), lazy: () => import('../features/products/routes/product-route') },
                  { path: paths.invoices, lazy: () => import('../features/invoices/routes/invoices-route') },
                  { path: paths.invoice(':id'), lazy: () => import('../features/invoices/routes/invoice-route') },
                  { path: paths.contact, lazy: () => import('../features/tickets/routes/contact-route') },
                  { path: paths.ticket(':id'), lazy: () => import('../features/tickets/routes/ticket-route') },
                  {
                    path: paths.account,
                    lazy: () => import('../features/account/routes/account-route'),
                    children: [
                      { index: true, element: <Navigate to={paths.accountProfile} replace /> },
                      { path: paths.accountProfile, lazy: () => import('../features/account/routes/profile-route') },
                      { path: paths.accountSecurity, lazy: () => import('../features/account/routes/security-route') },
                      { path: paths.accountPassword, element: <Navigate to={paths.accountSecurity} replace /> },
                      { path: paths.accountBank, lazy: () => import('../features/account/routes/bank-route') },
                      {
                        path: paths.accountInvoiceSettings,
                        lazy: () => import('../features/account/routes/invoice-settings-route'),
                      },
                      { path: paths.accountSessions, lazy: () => import('../features/account/routes/sessions-route') },
                      { path: paths.accountTeam, lazy: () => import('../features/account/routes/team-route') },
                      { path: paths.accountExport, lazy: () => import('../features/account/routes/export-route') },
                      {
                        path: paths.accountSecurityLog,
                        lazy: () => import('../features/account/routes/security-log-route'),
                      },
                      {
                        path: paths.accountApiAccess,
                        lazy: () => import('../features/account/routes/api-access-route'),
                      },
                      { path: paths.accountDelete, lazy: () => import('../features/account/routes/delete-route') },
                    ],
                  },
                  { path: '*', Component: NotFoundPage },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
