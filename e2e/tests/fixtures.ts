import {
  expect,
  test as base,
  type APIRequestContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';

/*
 * What every journey shares: a page that must stay clean (no console error, no uncaught
 * exception, no CSP violation, no request leaving 127.0.0.1), a fresh customer email per test so
 * journeys never see each other's purchases, and the secret-key API a vendor's backend uses.
 */

/** The fixed, documented test-mode secret key `npm start` seeds. */
export const secretKey = 'sk_test_abona_demo';

/** What went wrong on the page during a journey; checked after every test. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  externalRequests: string[];
  /** Console errors a journey expects (e.g. the browser's own line for a 402 on a declined card). */
  expectedConsoleErrors: RegExp[];
}

interface Fixtures {
  problems: PageProblems;
  /** A fresh email, unique to this test run and test. */
  email: string;
  /** The Abona API with the secret key, as a vendor's backend calls it. */
  api: ApiCalls;
}

/** Reads from the Abona API with the secret key. */
export interface ApiCalls {
  get<T = Record<string, unknown>>(path: string): Promise<T>;
}

/** A list answer of the API. */
export interface List<T> {
  data: T[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<Fixtures>({
  problems: [
    async ({ page, context }, use) => {
      const problems: PageProblems = {
        consoleErrors: [],
        pageErrors: [],
        cspViolations: [],
        externalRequests: [],
        expectedConsoleErrors: [],
      };
      // Everything outside the local server is recorded and refused: the showcase must not need it.
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => {
          problems.externalRequests.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      page.on('console', (message) => {
        if (message.type() === 'error')
          problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.pageErrors.push(error.message));
      // Runs before the page's scripts in every document; CSP does not apply to it.
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations?.push(
            `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile}:${event.lineNumber}`,
          );
        });
      });
      await use(problems);
      if (!page.isClosed()) {
        problems.cspViolations.push(
          ...(await page.evaluate(() => window.__cspViolations ?? []).catch(() => [])),
        );
      }
      expect.soft(problems.pageErrors, 'uncaught exceptions on the page').toEqual([]);
      const unexpected = problems.consoleErrors.filter(
        (line) => !problems.expectedConsoleErrors.some((re) => re.test(line)),
      );
      expect.soft(unexpected, 'console errors on the page').toEqual([]);
      expect.soft(problems.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      expect.soft(problems.externalRequests, 'requests to any host but 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],

  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  email: async ({}, use, testInfo) => {
    const slug = testInfo.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 24);
    await use(`e2e-${slug}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.ro`);
  },

  api: async ({ request }, use) => {
    await use(secretApi(request));
  },
});

export { expect };

/** GETs with the secret key; fails the test on any non-2xx answer. */
export function secretApi(request: APIRequestContext): ApiCalls {
  return {
    async get<T>(path: string): Promise<T> {
      const response = await request.get(path, { headers: { authorization: `Bearer ${secretKey}` } });
      expect(response.ok(), `GET ${path} → ${response.status()} ${await response.text()}`).toBe(true);
      return (await response.json()) as T;
    },
  };
}

/** The customer with this email, through the secret-key API (undefined when none exists). */
export async function customerByEmail(
  api: ApiCalls,
  email: string,
): Promise<{ id: string; email: string } | undefined> {
  const list = await api.get<List<{ id: string; email: string }>>(
    `/v1/customers?email=${encodeURIComponent(email)}&limit=1`,
  );
  return list.data[0];
}

/** A full-page screenshot in this test's output folder (test-results/, gitignored). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Opens the showcase and waits until the pricing table and the inline checkout are ready. */
export async function openShowcase(page: Page): Promise<void> {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('abona-pricing-table').getByRole('article', { name: 'Pro' })).toBeVisible();
}

/** The inline checkout the showcase places for Pro monthly, once its form is ready. */
export async function inlineCheckout(page: Page): Promise<Locator> {
  const checkout = page.locator('abona-checkout#checkout-inline');
  await expect(checkout.getByLabel('Email')).toBeVisible();
  return checkout;
}

/** Fills the checkout's customer details and card as a customer types them. */
export async function fillCheckout(
  checkout: Locator,
  details: { email: string; name: string; country: string; postalCode?: string; card: string },
): Promise<void> {
  await checkout.getByLabel('Email').fill(details.email);
  await checkout.getByLabel('Full name').fill(details.name);
  await checkout.getByLabel('Country').selectOption({ label: details.country });
  if (details.postalCode) await checkout.getByLabel('Postal code').fill(details.postalCode);
  // Typed, not filled, so the element's own formatting ("4242 4242 …", "12 / 34") runs.
  await checkout.getByLabel('Card number').pressSequentially(details.card.replace(/\D/g, ''));
  await expect(checkout.getByLabel('Card number')).toHaveValue(
    details.card.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 '),
  );
  await checkout.getByLabel('Expiry (MM / YY)').pressSequentially('1234');
  await expect(checkout.getByLabel('Expiry (MM / YY)')).toHaveValue('12 / 34');
  await checkout.getByLabel('Security code').fill('123');
}

/** The checkout's pay button, whatever its amount or trial wording. */
export function submitButton(checkout: Locator): Locator {
  return checkout.getByRole('button', { name: /^(Subscribe · |Start trial|Pay )/ });
}

/**
 * An open `<abona-dialog>` by its accessible name. The `role="dialog"` element lives in the
 * dialog's shadow root while its content is slotted from outside, so content locators are scoped
 * to the host element, which holds both.
 */
export function dialogNamed(scope: Page | Locator, name: string | RegExp): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.locator('abona-dialog').filter({ has: page.getByRole('dialog', { name, exact: true }) });
}
