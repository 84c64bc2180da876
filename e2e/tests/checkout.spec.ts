import {
  customerByEmail,
  dialogNamed,
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
 * The checkout journeys a customer takes on the showcase, each with its own fresh email, each
 * checked afterwards through the secret-key API the way a vendor's backend would.
 */

interface Subscription {
  id: string;
  status: string;
  customer: string;
  latest_invoice: string | null;
  default_payment_method: string | null;
  items: { data: { price: { id: string; product: string } }[] };
}
interface Invoice {
  id: string;
  status: string;
  subscription: string | null;
  total: number;
  amount_paid: number;
  currency: string;
  lines: { data: { description: string; taxes: { label: string }[] }[] };
}
interface Product {
  id: string;
  name: string;
}

/** The customer's only subscription and its invoices, checked to be one and paid. */
async function paidSubscription(
  api: ApiCalls,
  email: string,
): Promise<{ sub: Subscription; invoice: Invoice; product: string }> {
  const customer = await customerByEmail(api, email);
  expect(customer, `a customer ${email} exists`).toBeDefined();
  const subs = await api.get<List<Subscription>>(`/v1/subscriptions?customer=${customer!.id}`);
  expect(subs.data, 'exactly one subscription').toHaveLength(1);
  const sub = subs.data[0]!;
  expect(sub.customer).toBe(customer!.id);
  expect(sub.default_payment_method, 'the card is kept for renewals').toMatch(/^pm_/);
  const invoices = await api.get<List<Invoice>>(`/v1/invoices?customer=${customer!.id}`);
  expect(invoices.data, 'exactly one invoice').toHaveLength(1);
  const invoice = invoices.data[0]!;
  expect(invoice.id).toBe(sub.latest_invoice);
  expect(invoice.subscription).toBe(sub.id);
  expect(invoice.status).toBe('paid');
  expect(invoice.amount_paid).toBe(invoice.total);
  const product = await api.get<Product>(`/v1/products/${sub.items.data[0]!.price.product}`);
  return { sub, invoice, product: product.name };
}

test.describe('inline checkout for Pro monthly (14-day trial)', () => {
  test('4242 card: success, then a subscription and a paid invoice through the API', async ({
    page,
    email,
    api,
  }, testInfo) => {
    await openShowcase(page);
    const checkout = await inlineCheckout(page);
    await fillCheckout(checkout, {
      email,
      name: 'Ioana Pop',
      country: 'Romania',
      postalCode: '400001',
      card: '4242 4242 4242 4242',
    });
    // Romanian VAT shows up in the summary as soon as the country is Romania.
    await expect(
      checkout.getByRole('complementary', { name: 'Order summary' }).getByText('TVA 21%'),
    ).toBeVisible();
    await expect(checkout.getByText(/^Then €35\.09 \/ month from /)).toBeVisible(); // €29.00 + 21 % = €35.09
    await submitButton(checkout).click();

    await expect(checkout.getByRole('heading', { name: 'You’re subscribed to Pro' })).toBeVisible();
    await expect(checkout.getByRole('heading', { name: 'You’re subscribed to Pro' })).toBeFocused();
    await expect(checkout.getByText(`A receipt was sent to ${email}.`)).toBeVisible();
    await expect(checkout.getByText(/^Your free trial ends on /)).toBeVisible();
    await expect(page.locator('#event-log')).toContainText('abona-checkout-completed');
    await screenshot(page, testInfo, 'checkout-success');

    const { sub, invoice, product } = await paidSubscription(api, email);
    expect(product).toBe('Pro');
    expect(sub.status).toBe('trialing');
    expect(invoice.total).toBe(0); // the trial's first invoice: nothing due today
    expect(invoice.lines.data[0]?.taxes[0]?.label).toBe('TVA 21%');
  });

  test('declined card 4000 0000 0000 0002: plain words, the form stays usable, nothing is created', async ({
    page,
    email,
    api,
    problems,
  }, testInfo) => {
    // The browser itself logs the 402 of the declined confirmation; that one is expected.
    problems.expectedConsoleErrors.push(/status of 402 \(Payment Required\).*\/confirm\)$/);
    await openShowcase(page);
    const checkout = await inlineCheckout(page);
    await fillCheckout(checkout, {
      email,
      name: 'Radu Ionescu',
      country: 'Romania',
      card: '4000 0000 0000 0002',
    });
    await submitButton(checkout).click();

    await expect(
      checkout.getByRole('alert').filter({ hasText: 'Your card was declined. Try another card.' }),
    ).toBeVisible();
    await expect(submitButton(checkout)).toBeEnabled();
    await expect(checkout.getByLabel('Email')).toHaveValue(email);
    await expect(page.locator('#event-log')).toContainText('abona-checkout-failed');
    await expect(page.locator('#event-log')).not.toContainText('abona-checkout-completed');
    await screenshot(page, testInfo, 'checkout-declined');

    expect(await customerByEmail(api, email), 'a declined checkout creates no customer').toBeUndefined();
    const subs = await api.get<List<Subscription>>('/v1/subscriptions?limit=100');
    const invoices = await api.get<List<Invoice & { customer_email?: string }>>('/v1/invoices?limit=100');
    expect(JSON.stringify(subs)).not.toContain(email);
    expect(JSON.stringify(invoices)).not.toContain(email);
  });

  test('3-D Secure 4000 0025 0000 3155: Fail says so, then Complete succeeds', async ({
    page,
    email,
    api,
    problems,
  }, testInfo) => {
    problems.expectedConsoleErrors.push(/status of 402 \(Payment Required\)/);
    await openShowcase(page);
    const checkout = await inlineCheckout(page);
    await fillCheckout(checkout, {
      email,
      name: 'Elena Dumitrescu',
      country: 'Romania',
      card: '4000 0025 0000 3155',
    });
    await submitButton(checkout).click();

    const challenge = dialogNamed(checkout, 'Confirm your payment');
    await expect(challenge).toBeVisible();
    await expect(challenge.getByText('Your bank asks you to confirm this payment.')).toBeVisible();
    await screenshot(page, testInfo, 'checkout-3ds-dialog');
    await challenge.getByRole('button', { name: 'Fail' }).click();
    await expect(checkout.getByRole('dialog', { name: 'Confirm your payment' })).toBeHidden();
    await expect(
      checkout
        .getByRole('alert')
        .filter({ hasText: 'The payment wasn’t confirmed. Try again or use another card.' }),
    ).toBeVisible();
    expect(await customerByEmail(api, email), 'a failed challenge subscribes no one').toBeUndefined();

    await submitButton(checkout).click();
    await expect(challenge).toBeVisible();
    await challenge.getByRole('button', { name: 'Complete' }).click();
    await expect(checkout.getByRole('heading', { name: 'You’re subscribed to Pro' })).toBeVisible();
    await screenshot(page, testInfo, 'checkout-3ds-success');

    const { product } = await paidSubscription(api, email);
    expect(product).toBe('Pro');
  });
});

test('pricing table CTA: Basic "Subscribe" opens the checkout dialog for Basic, and it charges the card', async ({
  page,
  email,
  api,
}, testInfo) => {
  await openShowcase(page);
  await page.getByRole('combobox', { name: 'Country' }).first().selectOption('RO');
  const table = page.locator('abona-pricing-table');
  await expect(table.getByRole('article', { name: 'Basic' }).getByText('+ TVA 21%')).toBeVisible();
  await table.getByRole('article', { name: 'Basic' }).getByRole('button', { name: 'Subscribe' }).click();

  await expect(page.getByRole('dialog', { name: 'Basic' })).toBeVisible();
  const dialog = dialogNamed(page, 'Basic');
  await expect(page.locator('#event-log')).toContainText('abona-plan-selected');
  const summary = dialog.getByRole('complementary', { name: 'Order summary' });
  await expect(summary.getByRole('listitem').filter({ hasText: 'Basic' })).toBeVisible();
  await expect(summary.getByText('TVA 21%')).toBeVisible();
  await expect(dialog.getByLabel('Country')).toHaveValue('RO');
  await screenshot(page, testInfo, 'cta-dialog');

  await fillCheckout(dialog, {
    email,
    name: 'Mihai Georgescu',
    country: 'Romania',
    card: '4242 4242 4242 4242',
  });
  const pay = submitButton(dialog);
  await expect(pay).toHaveText(/^\s*Subscribe · \S+/);
  const label = (await pay.innerText()).trim();
  await pay.click();
  await expect(dialog.getByRole('heading', { name: 'You’re subscribed to Basic' })).toBeVisible();
  await screenshot(page, testInfo, 'cta-success');

  const { sub, invoice, product } = await paidSubscription(api, email);
  expect(product).toBe('Basic');
  expect(sub.status).toBe('active');
  expect(invoice.total, 'Basic has no trial: the first invoice charges the card').toBeGreaterThan(0);
  expect(invoice.lines.data[0]?.taxes[0]?.label).toBe('TVA 21%');
  // The button promised what the invoice charged: "Subscribe · 54,45 lei" ↔ total in minor units.
  const promised = Number(
    label
      .replace(/^Subscribe · /, '')
      .replace(/[^\d.,]/g, '')
      .replace(/,(\d{2})$/, '.$1')
      .replace(/,/g, ''),
  );
  expect(Math.round(promised * 100)).toBe(invoice.total);
});

test('the page’s Country switcher moves the inline checkout to that country (tax follows)', async ({
  page,
}) => {
  await openShowcase(page);
  const checkout = await inlineCheckout(page);
  await page.getByRole('combobox', { name: 'Country' }).first().selectOption('RO');
  await expect(checkout.getByLabel('Country')).toHaveValue('RO');
  await expect(
    checkout.getByRole('complementary', { name: 'Order summary' }).getByText('TVA 21%'),
  ).toBeVisible();
});
