import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { createPortalClient, expectData, type PortalClient, signIn as signInToApi } from '@portal/sdk';

/** The demo logins of ../shared/API.md, seeded into the e2e database. */
export const DEMO_PASSWORD = 'demo-passwort-2026';
export const demo = { email: 'demo@example.com', password: DEMO_PASSWORD };
export const other = { email: 'other@example.com', password: DEMO_PASSWORD };
/** An admin: the journeys' staff calls may touch any back-office route. */
export const staff = { email: 'admin@example.com', password: DEMO_PASSWORD };

/** The Stammdaten pages below /account/ a demo owner sees, in the order of the sub-navigation. */
export const accountSections = [
  'profile',
  'security',
  'bank',
  'invoice-settings',
  'team',
  'sessions',
  'security-log',
  'api-access',
  'export',
  'delete',
] as const;

/** Signs in through the form, as a customer would, and waits for the portal frame. */
export async function signIn(page: Page, account = demo, path = '/') {
  await page.goto(path);
  // A protected page is drawn while /me is on its way; type only once sign-in is there.
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  // The sidebar is a closed menu on phones, so wait for the page itself.
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
}

/** The typed API client (packages/sdk), signed in as the account: for the API calls of a journey. */
export async function apiAs(baseURL: string, account: { email: string; password: string }): Promise<PortalClient> {
  return (await signInToApi({ baseUrl: baseURL, ...account })).client;
}

/** A bearer token for the back-office API, to act as staff in a journey. */
export async function staffToken(baseURL: string): Promise<string> {
  return (await signInToApi({ baseUrl: baseURL, ...staff })).accessToken;
}

/** A POST to any back-office path as staff (untyped; `apiAs` gives the typed client). */
export async function asStaff(baseURL: string, path: string, body: unknown): Promise<Response> {
  const token = await staffToken(baseURL);
  return fetch(`${baseURL}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** The demo customer's id, as the sign-in answers it. */
export async function customerIdOf(baseURL: string, account = demo): Promise<string> {
  const me = expectData(await (await apiAs(baseURL, account)).GET('/api/v1/me'));
  if (!me.customerId) throw new Error(`${account.email} acts for no customer account`);
  return me.customerId;
}

/**
 * Issues a fresh open invoice to a customer through the back-office API, so a journey that pays
 * one pays its own (and a retry pays another), never one of the seeded demo invoices.
 */
export async function issueFreshInvoice(baseURL: string, customerId: string, description: string) {
  const api = await apiAs(baseURL, staff);
  return expectData(
    await api.POST('/api/v1/admin/invoices', {
      body: {
        customerId,
        servicePeriod: { start: '2026-03-01', end: '2026-03-31' },
        dueDate: '2099-03-15',
        lines: [{ description, quantity: 1, unit: 'Stk', unitPrice: 4_900, taxRate: 19 }],
      },
    }),
  );
}

/** The e-mails the e2e server delivered (serve.mjs catches them and lists them on this port). */
const mailPort = Number(process.env.E2E_PORT ?? 4173) + 1;

/** The e-mails delivered to `to` so far, oldest first. */
export async function mailsTo(to: string): Promise<Array<{ text: string }>> {
  const response = await fetch(`http://127.0.0.1:${mailPort}/mails?to=${encodeURIComponent(to)}`);
  return (await response.json()) as Array<{ text: string }>;
}

/** The first link to `path` in the newest e-mail to `to`, waiting for the outbox to deliver it. */
export async function linkFromMail(to: string, path: string): Promise<URL> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const mails = await mailsTo(to);
    for (const mail of mails.reverse()) {
      const match = mail.text.match(new RegExp(`https?://[^\\s"<>]*${path.replace(/[.?]/g, '\\$&')}[^\\s"<>]*`));
      if (match) return new URL(match[0].replace(/&amp;/g, '&'));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no e-mail to ${to} with a link to ${path}`);
}

/**
 * A customer of the journey's own, made the way the back office makes one: staff creates the
 * account, the welcome e-mail's link sets the first password. Journeys that change or delete a
 * whole account use one, so a retry finds the same starting point.
 */
export async function freshCustomer(
  baseURL: string,
  name: string,
  address = { street: 'Norderstraße 40', postalCode: '24939', city: 'Flensburg', country: 'DE' },
) {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const api = await apiAs(baseURL, staff);
  expectData(await api.POST('/api/v1/admin/customers', { body: { email, name, address, customerType: 'consumer' } }));
  const link = await linkFromMail(email, '/reset-password?token=');
  const confirmed = await createPortalClient({ baseUrl: baseURL }).POST('/api/v1/auth/password-reset/confirm', {
    body: { token: link.searchParams.get('token') ?? '', newPassword: DEMO_PASSWORD },
  });
  if (!confirmed.response.ok) throw new Error(`setting the first password failed: ${confirmed.response.status}`);
  return { email, password: DEMO_PASSWORD };
}

/** No WCAG 2.1 A/AA violations on the page, once it has loaded. */
export async function expectNoViolations(page: Page) {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target}`)).toEqual([]);
}

/**
 * Fails when the page scrolls sideways. Under mobile emulation the browser widens its layout
 * viewport to fit content that is too wide (as a phone zooms out), so `window.innerWidth` grows
 * with the page: the check compares with the configured viewport width instead.
 */
export async function expectNoSidewaysScroll(page: Page, what = 'the page') {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(width);
}
