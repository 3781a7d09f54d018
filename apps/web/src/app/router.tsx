import { createBrowserRouter } from 'react-router';
import { paths } from '../config/paths';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found';
import { RequireAuth } from './require-auth';

/**
 * Every page. Sections load lazily, so the first load carries only the frame and sign-in.
 * A feature's route module exports `Component` (React Router's lazy convention).
 */
export const router = createBrowserRouter([
  { path: paths.login, lazy: () => import('../features/auth/routes/login-route') },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, lazy: () => import('../features/overview/routes/overview-route') },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
