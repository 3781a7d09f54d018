import { expect, type Page, test } from '@playwright/test';
import { signIn } from '../fixtures';

/**
 * A first load of the pages most visits start on (apps/web/first-load.mjs): the API's `Link`
 * header names the page's modules and, for a signed-in visitor, its API reads; the browser must
 * use each preload for the request the SPA then makes — one request per URL, not a preload and a
 * second fetch beside it (which a mismatched URL or credentials mode would cause).
 */
function countRequests(page: Page) {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/')) {
      const key = `${pathname}${search}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  return counts;
}

for (const { path, heading, data } of [
  { path: '/', heading: 'Übersicht', data: ['/api/v1/me', '/api/v1/overview', '/api/v1/provider'] },
  { path: '/invoices', heading: 'Rechnungen', data: ['/api/v1/me', '/api/v1/invoices', '/api/v1/provider'] },
]) {
  test(`a signed-in first load of ${path} fetches its data and modules once, through the preloads`, async ({
    page,
  }) => {
    await signIn(page);
    const counts = countRequests(page);
    const response = await page.goto(path);
    const link = response?.headers().link ?? '';
    for (const url of data) expect(link).toContain(`<${url}>; rel=preload; as=fetch; crossorigin`);
    expect(link).toContain('rel=modulepreload');
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // Every request of the load has been made (no sleep: the network has gone quiet).
    await page.waitForLoadState('networkidle');
    for (const url of data) expect(counts.get(url), url).toBe(1);
    const twice = [...counts].filter(([, count]) => count > 1).map(([url]) => url);
    expect(twice).toEqual([]);
  });
}

test('a stranger on the sign-in page gets the form modules and the public reads preloaded, nothing of a session', async ({
  page,
}) => {
  const counts = countRequests(page);
  const response = await page.goto('/login');
  const link = response?.headers().link ?? '';
  expect(link).toContain('rel=modulepreload');
  expect(link).toContain('</api/v1/provider>; rel=preload; as=fetch; crossorigin');
  expect(link).not.toContain('/api/v1/me');
  await expect(page.getByLabel('E-Mail-Adresse')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(counts.get('/api/v1/provider')).toBe(1);
  expect([...counts].filter(([, count]) => count > 1).map(([url]) => url)).toEqual([]);
});
