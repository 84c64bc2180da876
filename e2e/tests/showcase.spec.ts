import type { Locator } from '@playwright/test';
import { expect, openShowcase, screenshot, test } from './fixtures.js';

/*
 * Issue 6: the showcase `npm start` serves must work for a new user. A fresh browser (no stored
 * settings) under the page's strict CSP, with every request outside 127.0.0.1 refused and
 * recorded by the fixture.
 */

const plans = ['Basic', 'Pro', 'Enterprise', 'Team'];

test('showcase: strict CSP, the four plans with prices and tax, monthly ↔ yearly, Română, dark theme', async ({
  page,
}, testInfo) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp, 'the showcase is served with its CSP').toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await expect(page).toHaveTitle(/Nimbus Notes/);

  const table = page.locator('abona-pricing-table');
  for (const plan of plans) {
    const card = table.getByRole('article', { name: plan });
    await expect(card.getByRole('heading', { name: plan })).toBeVisible();
    await expect(priceLine(card, /\d\s*\/\s*month/)).toBeVisible();
  }
  await expect(table.getByText('Most popular')).toBeVisible();
  await expect(table.getByRole('radio', { name: 'Monthly' })).toBeChecked();

  // A Romanian visitor: VAT-exclusive prices carry "+ TVA 21%" exactly as price resolution says.
  await page.getByRole('combobox', { name: 'Country' }).first().selectOption('RO');
  for (const plan of plans)
    await expect(table.getByRole('article', { name: plan }).getByText('+ TVA 21%')).toBeVisible();

  // Monthly ↔ yearly changes the price, shows what a year is billed, and comes back.
  const proPrice = priceLine(table.getByRole('article', { name: 'Pro' }), /\d\s*\/\s*month/);
  const monthly = await proPrice.innerText();
  await expect(table.getByRole('radio', { name: /^Yearly/ })).toContainText(/Save \d+\s?%/);
  await table.getByRole('radio', { name: /^Yearly/ }).click();
  await expect(table.getByRole('radio', { name: /^Yearly/ })).toBeChecked();
  await expect(proPrice).not.toHaveText(monthly);
  await expect(table.getByRole('article', { name: 'Pro' }).getByText(/^billed yearly as /)).toBeVisible();
  await table.getByRole('radio', { name: 'Monthly' }).click();
  await expect(proPrice).toHaveText(monthly);
  await screenshot(page, testInfo, 'showcase-en-ro-country');

  // Română: Romanian copy with diacritics, and money the Romanian way ("145 lei", "29,00 €").
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Română' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(table.getByRole('region', { name: 'Planuri și prețuri' })).toBeVisible();
  await expect(table.getByRole('radio', { name: 'Lunar' })).toBeChecked();
  await expect(
    table.getByRole('article', { name: 'Basic' }).getByRole('button', { name: 'Abonează-te' }),
  ).toBeVisible();
  await expect(
    table.getByRole('article', { name: 'Pro' }).getByRole('button', { name: 'Încearcă gratuit 14 zile' }),
  ).toBeVisible();
  await expect(
    priceLine(table.getByRole('article', { name: 'Pro' }), /\d+(?:[.,]\d+)?\s(?:lei|€)\s*\/\s*lună/),
  ).toBeVisible();
  const checkout = page.locator('abona-checkout#checkout-inline');
  await expect(checkout.getByText('Total de plată azi')).toBeVisible();
  // "Apoi 29,00 € / lună începând cu 10 dec. 2026": Romanian money and dates through Intl.
  await expect(
    checkout.getByText(/^Apoi \d+,\d{2}\s€ \/ lună începând cu \d{1,2} [a-zăâîșț]+\.? \d{4}$/),
  ).toBeVisible();

  // Dark theme: designed tokens on the elements' own surfaces, not just the page.
  const surface = () =>
    table
      .getByRole('article', { name: 'Pro' })
      .evaluate((element) => getComputedStyle(element).backgroundColor)
      .then(luminance);
  const light = await surface();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(surface, { message: 'the Pro card turns dark' }).toBeLessThan(0.2);
  expect(light, 'the light Pro card was light').toBeGreaterThan(0.8);
  const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(luminance(pageBackground), 'the page itself is dark too').toBeLessThan(0.2);
  await screenshot(page, testInfo, 'showcase-ro-dark');

  // Settings survive a reload (a returning visitor keeps Română and dark).
  await page.reload();
  await expect(table.getByRole('radio', { name: 'Lunar' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('showcase: no console errors, no third-party request and every element loads', async ({
  page,
  problems,
}) => {
  await openShowcase(page);
  await expect(page.locator('abona-checkout#checkout-inline').getByLabel('Email')).toBeVisible();
  await expect(
    page
      .locator('abona-wallet-button#wallet')
      .getByRole('button', { name: /^Pay with (Google|Apple) Pay \(test\)$/ }),
  ).toBeVisible();
  await expect(page.locator('abona-portal').getByRole('heading', { name: 'Billing' })).toBeVisible();
  // Browsers ask every site for an icon: the page names one, so none logs a 404 for /favicon.ico.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon, 'the page names its icon').toBeTruthy();
  const iconResponse = await page.request.get(icon!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()['content-type']).toContain('image/svg+xml');
  // The event log lists what the elements announced.
  await expect(page.locator('#event-log')).toContainText('abona-loaded');
  await page.waitForLoadState('networkidle');
  expect(problems.externalRequests).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

/** Relative luminance (0 black … 1 white) of a CSS `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The paragraph of a plan card whose text matches, e.g. its price "€29 / month". */
function priceLine(card: Locator, text: RegExp): Locator {
  return card.getByRole('paragraph').filter({ hasText: text });
}
