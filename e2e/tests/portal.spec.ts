import type { Locator, Page } from '@playwright/test';
import {
  customerByEmail,
  expect,
  fillCheckout,
  inlineCheckout,
  openShowcase,
  screenshot,
  submitButton,
  test,
  type ApiCalls,
  type List,
} from './fixtures.js';

/*
 * The account section: <abona-portal> signs in through the showcase's own /demo/portal-session
 * handler (secret key, server side) for the customer who just checked out on the page.
 */

interface Subscription {
  id: string;
  status: string;
  cancel_at_period_end: boolean;
}

/** Buys Pro on the inline checkout and waits for the success panel. */
async function buyPro(page: Page, email: string, name: string): Promise<void> {
  await openShowcase(page);
  const checkout = await inlineCheckout(page);
  await fillCheckout(checkout, { email, name, country: 'Romania', card: '4242 4242 4242 4242' });
  await submitButton(checkout).click();
  await expect(checkout.getByRole('heading', { name: 'You’re subscribed to Pro' })).toBeVisible();
}

/** The portal, once it shows the billing of the customer with this email. */
async function portalOf(page: Page, email: string): Promise<Locator> {
  const portal = page.locator('abona-portal');
  await expect(portal).toHaveAttribute('session-endpoint', /\/demo\/portal-session\?customer=cus_/);
  // Billing details name the signed-in customer: proof the portal is not showing the demo's Ana.
  await portal.getByRole('button', { name: 'Billing details' }).click();
  await expect(portal.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
  await portal.getByRole('button', { name: 'Overview' }).click();
  await expect(portal.getByRole('heading', { name: 'Billing', exact: true })).toBeVisible();
  return portal;
}

async function onlySubscription(api: ApiCalls, email: string): Promise<Subscription> {
  const customer = await customerByEmail(api, email);
  expect(customer).toBeDefined();
  const subs = await api.get<List<Subscription>>(`/v1/subscriptions?customer=${customer!.id}`);
  expect(subs.data).toHaveLength(1);
  return subs.data[0]!;
}

test('portal: the customer who just checked out sees Pro with its status, cancels at period end, then keeps it', async ({
  page,
  email,
  api,
}, testInfo) => {
  await buyPro(page, email, 'Andrei Stan');
  const portal = await portalOf(page, email);

  const card = portal.getByRole('article', { name: 'Pro' });
  await expect(card).toBeVisible();
  await expect(card.getByText(/^Trial until [A-Z][a-z]{2} \d{1,2}$/)).toBeVisible();
  await expect(card.getByText('€29.00 / month')).toBeVisible();
  // €29.00 + TVA 21 % = €35.09, due when the trial ends (the server's upcoming invoice).
  await expect(card.getByText(/^Next invoice: €35\.09 on /)).toBeVisible();
  await screenshot(page, testInfo, 'portal-overview');

  // Cancel: a reason, the vendor's retention offer if any, then "at the end of the period".
  await card.getByRole('button', { name: 'Cancel subscription' }).click();
  await portal.getByRole('radio', { name: 'It’s too expensive' }).check();
  await portal.getByRole('button', { name: 'Continue' }).click();
  const decline = portal.getByRole('button', { name: 'No thanks, continue' });
  const atPeriodEnd = portal.getByRole('button', { name: /^Cancel at the end of the period \(/ });
  await expect(decline.or(atPeriodEnd)).toBeVisible();
  if (await decline.isVisible()) await decline.click();
  await screenshot(page, testInfo, 'portal-cancel-when');
  await atPeriodEnd.click();

  await expect(card.getByText(/^Cancels on [A-Z][a-z]{2} \d{1,2}$/)).toBeVisible();
  await expect
    .poll(async () => (await onlySubscription(api, email)).cancel_at_period_end, {
      message: 'the server has the cancellation',
    })
    .toBe(true);
  await expect(page.locator('#event-log')).toContainText('abona-subscription-canceled');
  await screenshot(page, testInfo, 'portal-canceling');

  await card.getByRole('button', { name: 'Keep my subscription' }).click();
  await expect(card.getByText(/^Trial until /)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Cancel subscription' })).toBeVisible();
  const sub = await onlySubscription(api, email);
  expect(sub.cancel_at_period_end).toBe(false);
  expect(sub.status).toBe('trialing');
});

test('portal: the overview shows the next invoice from the real preview', async ({
  page,
  email,
}, testInfo) => {
  await buyPro(page, email, 'Irina Popa');
  const portal = await portalOf(page, email);
  // €29.00 + TVA 21 % = €35.09, due when the trial ends.
  await expect(
    portal.getByRole('article', { name: 'Pro' }).getByText(/^Next invoice: €35\.09 on /),
  ).toBeVisible();
  await screenshot(page, testInfo, 'portal-next-invoice');
});

test('portal: a returning visitor is signed in again as the last customer who checked out', async ({
  page,
  email,
}) => {
  await buyPro(page, email, 'Sorin Marin');
  await page.reload();
  const portal = await portalOf(page, email);
  await expect(portal.getByRole('article', { name: 'Pro' }).getByText(/^Trial until /)).toBeVisible();
});
