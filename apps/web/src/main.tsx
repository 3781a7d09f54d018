// First: zod's settings must be in place before any contract schema is created.
import './lib/zod-config';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from './app/provider';
import { routes } from './app/router';
import './styles/index.css';

/**
 * Makes the router and starts the first render. It runs in a task after the one that evaluated
 * the entry's modules: on a slow phone each half takes ≈ 70 ms, together one long task in which
 * the page cannot answer input (Total Blocking Time, #19).
 */
function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  const router = createBrowserRouter(routes);
  const app = createRoot(root);
  // As a transition React renders in slices of a few milliseconds with pauses between them.
  startTransition(() =>
    app.render(
      <StrictMode>
        <AppProvider router={router}>
          <RouterProvider router={router} />
        </AppProvider>
      </StrictMode>,
    ),
  );
}

setTimeout(start, 0);
