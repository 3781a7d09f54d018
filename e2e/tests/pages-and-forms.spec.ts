import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from '../fixtures';

/** The horizontal gap between a radio button or checkbox and the text of its label. */
async function gapToLabelText(control: Locator): Promise<number> {
  return control.evaluate((input) => {
    const label = input.closest('label');
    const text = label?.querySelector('span') ?? label;
    if (!text) return Number.POSITIVE_INFINITY;
    return text.getBoundingClientRect().left - input.getBoundingClientRect().right;
  });
}

async function expectControlsBesideLabels(page: Page, selector: string) {
  const controls = page.locator(selector);
  expect(await controls.count()).toBeGreaterThan(0);
  for (const control of await controls.all()) {
    const gap = await gapToLabelText(control);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(24);
  }
}

/** The H1 is below the sticky top bar and the page has not scrolled. */
async function expectHeadingInView(page: Page) {
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const headingTop = (await heading.boundingBox())?.y ?? -1;
  const topbarBottom = await page.locator('.topbar').evaluate((bar) => bar.getBoundingClientRect().bottom);
  expect(headingTop).toBeGreaterThanOrEqual(topbarBottom);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

test('radio buttons and checkboxes sit beside their labels on the §312k form', async ({ page }) => {
  await page.goto('/kuendigen');
  await expect(page.getByRole('heading', { level: 1, name: 'Verträge hier kündigen' })).toBeVisible();
  await expectControlsBesideLabels(page, 'main input[type="radio"]');
});

test('the §312k page names the provider with its mark and asks in the order of the law', async ({ page }) => {
  await page.goto('/kuendigen');
  const letterhead = page.locator('.public-header');
  await expect(letterhead.getByText('Nordwind Rechenzentren GmbH')).toBeVisible();
  await expect(letterhead.locator('img')).toBeVisible();
  // The language switch is in the letterhead, above and apart from the heading.
  await expect(letterhead.getByRole('button', { name: 'English' })).toBeVisible();
  await expect(page.getByText(/^Ihr Vertragspartner: Nordwind Rechenzentren GmbH, /)).toBeVisible();
  await expect(page.locator('fieldset.form-section > legend')).toHaveText([
    'Wie möchten Sie kündigen?',
    'Wer kündigt?',
    'Welcher Vertrag?',
    'Zu welchem Zeitpunkt?',
    'Wohin senden wir die Bestätigung?',
  ]);
  await expect(page).toHaveTitle('Verträge hier kündigen – Nordwind Rechenzentren GmbH');
});

test('every page says in the tab which page it is and whose portal', async ({ page }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle('Anmelden – Nordwind Rechenzentren GmbH');
  await signIn(page, undefined, '/invoices');
  await expect(page).toHaveTitle('Rechnungen – Nordwind Rechenzentren GmbH');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kontakt' }).click();
  await expect(page).toHaveTitle('Kontakt – Nordwind Rechenzentren GmbH');
  await page.goto('/account/invoice-settings');
  await expect(page).toHaveTitle('Rechnungsversand – Stammdaten – Nordwind Rechenzentren GmbH');
});

test('after navigating, focus is on the heading, which is not hidden under the top bar', async ({ page }) => {
  await signIn(page, undefined, '/account/profile');
  await expectHeadingInView(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kontakt' }).click();
  await expect(page).toHaveURL(/\/contact$/);
  const heading = page.getByRole('main').getByRole('heading', { level: 1, name: 'Kontakt' });
  await expect(heading).toBeFocused();
  await expectHeadingInView(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Stammdaten' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Stammdaten' })).toBeFocused();
  await expectHeadingInView(page);
});

test('an unknown product is said in German, without the API’s English and without a pointless retry', async ({
  page,
}) => {
  await signIn(page, undefined, '/products/6f1c2a5e-8a31-4f2e-9a55-1c3c2f7b9a10');
  await expect(page.getByText(/Dieses Produkt gibt es in Ihrem Kundenkonto nicht/)).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('does not exist');
  await expect(page.getByRole('button', { name: 'Erneut versuchen' })).toHaveCount(0);
});

test('the contact card keeps phone and e-mail on one line each; the file chooser is a button', async ({ page }) => {
  await signIn(page, undefined, '/contact');
  for (const link of [
    page.getByRole('link', { name: /^\+49/ }),
    page.locator('.provider-contact a[href^="mailto:"]'),
  ]) {
    const box = await link.boundingBox();
    const lineHeight = await link.evaluate((element) => Number.parseFloat(getComputedStyle(element).lineHeight));
    expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5);
  }
  await expect(page.locator('label.btn', { hasText: 'Dateien auswählen' })).toBeVisible();
  await expect(page.locator('input[type="file"]')).toHaveCSS('opacity', '0');
  // The hidden native chooser takes no room: nothing reaches past the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test('a password that is too short is flagged, a postal code of the wrong format refused', async ({ page }) => {
  await signIn(page, undefined, '/account/password');
  await page.getByLabel('Aktuelles Passwort').fill('egal');
  await page.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
  await page.getByLabel('Neues Passwort wiederholen').fill('kurz');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByText('Das Passwort ist zu kurz. Bitte wählen Sie mindestens 12 Zeichen.')).toBeVisible();

  await page.goto('/account/profile');
  await page.getByLabel('PLZ').fill('123');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText(/^Die Postleitzahl passt nicht zum gewählten Land/)).toBeVisible();
  await expect(page.getByLabel('PLZ')).toHaveAttribute('aria-invalid', 'true');
});

test('invoice delivery can be chosen in Stammdaten, radio buttons beside their labels', async ({ page }) => {
  await signIn(page, undefined, '/account/invoice-settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Rechnungsversand' })).toBeVisible();
  await expect(page.getByLabel(/^Per E-Mail mit der Rechnung als PDF/)).toBeChecked();
  await expectControlsBesideLabels(page, 'main input[type="radio"]');
});
