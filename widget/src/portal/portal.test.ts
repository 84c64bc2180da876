import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { card, catalogIds, demoKey, expectAccessible, settled, text, type CatalogIds } from '../../test/helpers.js';
import { sendKeys } from '@web/test-runner-commands';
import type { PricingTable } from '../pricing/pricing-table.component.js';
import { supportedLocales } from '../i18n/locale.js';
import { resetReportedErrors } from '../api/report.js';
import { $config } from '../config/config.js';
import { missingMessages } from '../i18n/translate.js';
import './portal.js';
import type { Portal } from './portal.component.js';

/*
 * Every portal here talks to the real @abona/server app seeded with the server's demo catalog
 * (/api/demo: Basic €9/month, Pro €29/month with a 14-day trial, Enterprise €99/month, all in
 * the "plans" group; seller in Romania, so TVA 21 % on top). The state a test needs is made the
 * way a vendor makes it: a checkout confirmed with the sandbox's test card and a portal session
 * minted with the secret key, by the test, as the vendor's backend would.
 */
const api = '/api/demo';
const secretKey = 'sk_test_abona_demo';
let ids: CatalogIds;
let meteredPrice: string;

async function vendor<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

interface Customer {
  customer: string;
  subscription: string;
}

/** A customer subscribed to `plan` through a real checkout paid with the sandbox card. */
async function subscribed(plan = 'Basic', card = '4242424242424242', email = `ana-${Math.random().toString(36).slice(2, 8)}@example.ro`, metered = false, seats = 1): Promise<Customer> {
  const session = await vendor<{ id: string }>('POST', '/v1/checkout_sessions', {
    line_items: [{ price: ids.price(plan, 'month'), quantity: seats }, ...(metered ? [{ price: meteredPrice }] : [])],
    email,
    customer_details: { address: { country: 'RO' } },
  });
  let done = await vendor<{ status: string; customer: string; subscription: string; next_action?: { action_id: string } | null }>('POST', `/v1/checkout_sessions/${session.id}/confirm`, {
    payment_method: { card: { number: card, exp_month: 12, exp_year: 2030, cvc: '123' } },
  });
  // A 3-D Secure card: the buyer passed the challenge at checkout.
  if (done.next_action) done = await vendor('POST', `/v1/checkout_sessions/${session.id}/complete_action`, { action_id: done.next_action.action_id, outcome: 'complete' });
  expect(done.status).to.equal('complete');
  return { customer: done.customer, subscription: done.subscription };
}

/** A one-time portal code for the customer, as `POST /v1/portal_sessions` gives the vendor. */
async function portalCode(customer: string, flow?: string): Promise<string> {
  return (await vendor<{ code: string }>('POST', '/v1/portal_sessions', { customer, ...(flow ? { flow } : {}) })).code;
}

type Attrs = Partial<Record<'locale' | 'theme' | 'flow' | 'session-endpoint', string>>;

async function portal(code: string | undefined, attrs: Attrs = {}): Promise<Portal> {
  const el = await fixture<Portal>(html`<abona-portal
    publishable-key=${demoKey}
    api-base=${api}
    session=${code ?? ''}
    session-endpoint=${attrs['session-endpoint'] ?? ''}
    locale=${attrs.locale ?? 'en'}
    theme=${attrs.theme ?? 'light'}
    flow=${attrs.flow ?? ''}
  ></abona-portal>`);
  await ready(el);
  return el;
}

const root = (el: Portal) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Portal, selector: string) => root(el).querySelector<E>(selector)!;
const $$ = <E extends Element = HTMLElement>(el: Portal, selector: string) => Array.from(root(el).querySelectorAll<E>(selector));

async function ready(el: Portal): Promise<void> {
  await waitUntil(() => root(el).querySelector('.panel, .error-state'), 'portal did not load', { timeout: 6000 });
  await el.updateComplete;
}

async function until(el: Portal, selector: string, message = `${selector} did not appear`): Promise<HTMLElement> {
  await waitUntil(() => root(el).querySelector(selector), message, { timeout: 6000 });
  await el.updateComplete;
  return $<HTMLElement>(el, selector);
}

/** A portal token of the customer's own, to ask the server what the widget should show. */
async function portalApi(customer: string): Promise<<T>(method: string, path: string, body?: unknown) => Promise<T>> {
  const code = await portalCode(customer);
  const { token } = (await (await fetch(`${api}/v1/portal/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string };
  return async (method, path, body) => {
    const response = await fetch(`${api}/v1/portal${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return response.json();
  };
}

const button = (el: Portal, label: string, scope: ParentNode = root(el)) =>
  Array.from(scope.querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b).startsWith(label));

/** Clicks a button once it is there and enabled (as a person would: a busy button ignores clicks). */
async function click(el: Portal, label: string): Promise<void> {
  await waitUntil(() => button(el, label) && !button(el, label)!.disabled, `no enabled button "${label}" in: ${text(root(el).querySelector('section'))}`, {
    timeout: 10000,
  }).catch((e: Error) => {
    throw new Error(`${e.message} / ${text(root(el).querySelector('section'))}`);
  });
  button(el, label)!.click();
  await el.updateComplete;
}

/** Opens "Change plan" and picks a plan in the embedded pricing table. */
async function choosePlan(el: Portal, plan: string): Promise<void> {
  await click(el, 'Change plan');
  const table = (await until(el, 'abona-pricing-table')) as PricingTable;
  await settled(table);
  card(table, plan).querySelector<HTMLButtonElement>('.cta')!.click();
  await until(el, '[part="review"] .lines, [part="review"] .lead');
}

const reviewRows = (el: Portal) => $$(el, '[part="review"] tr').map((row) => Array.from(row.children).map(text).join(' '));
const pill = (el: Portal) => text($(el, 'article.subscription .pill'));

const tab = (el: Portal, label: string) => $$<HTMLButtonElement>(el, '.tab').find((b) => text(b) === label)!;

describe('<abona-portal>', () => {
  before(async () => {
    ids = await catalogIds(api);
    // Usage-only products are off the default table; the vendor names them explicitly.
    const usage = (await (await fetch(`${api}/v1/pricing?currency=EUR&country=RO&products=api_calls`, { headers: { Authorization: `Bearer ${demoKey}` } })).json()) as { products: { prices: { id: string; usage_type: string }[] }[] };
    meteredPrice = usage.products[0]!.prices.find((p) => p.usage_type === 'metered')!.id;
  });

  beforeEach(() => {
    $config.set({});
    resetReportedErrors();
    missingMessages.clear();
  });

  it('is accessible: overview, payment methods, billing details, invoices; light and dark', async () => {
    const { customer } = await subscribed();
    for (const theme of ['light', 'dark']) {
      const el = await portal(await portalCode(customer), { theme });
      await expectAccessible(el);
      for (const label of ['Payment methods', 'Billing details', 'Invoices']) {
        tab(el, label).click();
        await el.updateComplete;
        if (label === 'Invoices') await until(el, 'table.invoices');
        await expectAccessible(el);
      }
    }
  });

  it('overview: plan, status, price and renewal from the server, and only this customer’s data', async () => {
    const a = await subscribed('Basic');
    await subscribed('Pro');
    const el = await portal(await portalCode(a.customer));
    const cards = $$(el, 'article.subscription');
    expect(cards.length).to.equal(1);
    expect(text(cards[0]!.querySelector('.plan'))).to.equal('Basic');
    expect(text(cards[0]!.querySelector('.pill'))).to.equal('Active');
    expect(text(cards[0]!.querySelector('.facts'))).to.contain('€9.00 / month');
    expect(localStorage.length + sessionStorage.length, 'the token stays in memory').to.equal(0);
  });

  it('overview: the next invoice from the server, and it follows a scheduled downgrade', async () => {
    const a = await subscribed('Enterprise');
    const server = await portalApi(a.customer);
    const upcoming = await server<{ amount_due: number; next_payment_attempt: string }>('GET', `/subscriptions/${a.subscription}/upcoming_invoice`);
    expect(upcoming.amount_due).to.equal(11979); // 9900 + 21 % TVA (2079)
    const el = await portal(await portalCode(a.customer));
    const next = () => text(root(el).querySelector('article.subscription .next-invoice'));
    await waitUntil(() => next() !== '', 'no next invoice', { timeout: 6000 });
    const date = new Date(upcoming.next_payment_attempt).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    expect(next()).to.match(/^Next invoice: €119\.79 on \w+ \d+, \d{4}$/);
    expect(next().endsWith(date) || next().includes(date.split(',')[1]!.trim())).to.equal(true);
    expect(text($(el, 'article.subscription .facts'))).not.to.contain('Renews on');
    await choosePlan(el, 'Basic');
    await click(el, 'Confirm change');
    // Basic from the period end: 900 + 21 % TVA (189) = €10.89.
    await waitUntil(() => next().startsWith('Next invoice: €10.89 on '), `next invoice not updated: ${next()}`, { timeout: 6000 });
  });

  it('upgrade: the review shows the server’s exact proration lines, then Confirm applies it', async () => {
    const a = await subscribed('Basic');
    const server = await portalApi(a.customer);
    const el = await portal(await portalCode(a.customer));
    const changed: CustomEvent[] = [];
    el.addEventListener('abona-subscription-changed', (e) => changed.push(e));
    await choosePlan(el, 'Pro');
    const preview = await server<{ lines: { amount: number }[]; amount_due_now: number }>('POST', `/subscriptions/${a.subscription}/preview_change`, { items: [{ price: ids.price('Pro', 'month'), quantity: 1 }] });
    expect(preview.lines.map((l) => l.amount)).to.deep.equal([-900, 2900]);
    const rows = reviewRows(el);
    expect(rows[0]).to.match(/^Unused time on Basic \(\w+ \d+ – \w+ \d+\) −€9\.00$/); // the Basic month, fully unused today
    expect(rows[1]).to.equal('Remaining time on Pro +€29.00');
    expect(rows[2]).to.equal('Due today €0.00'); // the demo prorates onto the next invoice
    expect(text($(el, '[part="review"]'))).to.contain('The difference, €20.00, is added to your next invoice'); // 2900 − 900
    expect(text($(el, '[part="review"]'))).to.match(/Then €29\.00 \/ month from \w+ \d+/);
    expect(root(el).activeElement?.textContent).to.equal('Review your change');
    await click(el, 'Confirm change');
    await waitUntil(() => pill(el) && text($(el, 'article.subscription .plan')) === 'Pro', 'plan did not change', { timeout: 6000 });
    expect(changed.map((e) => e.detail.change)).to.deep.equal(['plan']);
    expect(text($(el, '[role="status"][aria-live]'))).to.equal('Your plan has been updated.');
  });

  it('downgrade: scheduled for the period end, and "Keep Enterprise" undoes it', async () => {
    const a = await subscribed('Enterprise');
    const el = await portal(await portalCode(a.customer));
    await choosePlan(el, 'Basic');
    expect(text($(el, '[part="review"] .lead'))).to.match(/^You’ll move to Basic on \w+ \d+, \d{4}\. You keep Enterprise until then\.$/);
    await click(el, 'Confirm change');
    await until(el, 'article.subscription .note');
    expect(text($(el, 'article.subscription .note p'))).to.match(/^You’ll move to Basic on /);
    await click(el, 'Keep Enterprise');
    await waitUntil(() => !root(el).querySelector('article.subscription .note'), 'scheduled change still shown', { timeout: 10000 });
    expect(text($(el, 'article.subscription .plan'))).to.equal('Enterprise');
  });

  it('a scheduled downgrade survives a reload: the note and "Keep Enterprise" come from the server', async () => {
    const a = await subscribed('Enterprise');
    const first = await portal(await portalCode(a.customer));
    await choosePlan(first, 'Basic');
    await click(first, 'Confirm change');
    await until(first, 'article.subscription .note');
    first.remove();
    const el = await portal(await portalCode(a.customer));
    await until(el, 'article.subscription .note');
    expect(text($(el, 'article.subscription .note p'))).to.match(/^You’ll move to Basic on \w+ \d+, \d{4}\. You keep Enterprise until then\.$/);
    expect(text($(el, 'article.subscription .plan'))).to.equal('Enterprise');
    await click(el, 'Keep Enterprise');
    await waitUntil(() => !root(el).querySelector('article.subscription .note'), 'scheduled change still shown', { timeout: 10000 });
    const server = await portalApi(a.customer);
    const sub = await server<{ scheduled_change: unknown; version: number }>('GET', `/subscriptions/${a.subscription}`);
    expect(sub.scheduled_change).to.equal(null);
    expect(sub.version).to.be.a('number');
  });

  it('the host can veto a plan change with abona-before-plan-change', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer));
    el.addEventListener('abona-before-plan-change', (e) => e.preventDefault());
    await choosePlan(el, 'Pro');
    await click(el, 'Confirm change');
    expect(text($(el, '[role="status"][aria-live]'))).to.equal('This change can’t be made here right now.');
    const server = await portalApi(a.customer);
    const subs = await server<{ data: { items: { data: { price: { id: string } }[] } }[] }>('GET', '/subscriptions');
    expect(subs.data[0]!.items.data[0]!.price.id).to.equal(ids.price('Basic', 'month'));
  });

  it('cancel with a reason and a comment, then "Keep my subscription"', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer));
    const canceled: CustomEvent[] = [];
    el.addEventListener('abona-subscription-canceled', (e) => canceled.push(e));
    await click(el, 'Cancel subscription');
    await expectAccessible(el);
    $<HTMLInputElement>(el, 'input[value="too_expensive"]').click();
    $<HTMLTextAreaElement>(el, 'textarea').value = 'Too much for a side project';
    await click(el, 'Continue');
    expect(text($(el, '.heading'))).to.equal('When should it end?');
    expect(button(el, 'Cancel now'), 'the demo vendor allows only period-end cancels').to.equal(undefined);
    await click(el, 'Cancel at the end of the period');
    await waitUntil(() => pill(el).startsWith('Cancels on'), 'not canceling', { timeout: 6000 });
    expect(canceled[0]!.detail).to.include({ subscriptionId: a.subscription, atPeriodEnd: true, reason: 'too_expensive' });
    await click(el, 'Keep my subscription');
    await waitUntil(() => pill(el) === 'Active', 'still canceling', { timeout: 6000 });
    const server = await portalApi(a.customer);
    const subs = await server<{ data: { cancel_at_period_end: boolean }[] }>('GET', '/subscriptions');
    expect(subs.data[0]!.cancel_at_period_end).to.equal(false);
  });

  it('pause, then resume', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer));
    const changes: string[] = [];
    el.addEventListener('abona-subscription-changed', (e) => changes.push(e.detail.change));
    await click(el, 'Pause subscription');
    expect(text($(el, '.heading'))).to.equal('Pause subscription');
    $<HTMLButtonElement>(el, 'form.step button[type="submit"]').click();
    await waitUntil(() => pill(el) === 'Paused', 'not paused', { timeout: 6000 });
    await click(el, 'Resume subscription');
    await waitUntil(() => pill(el) === 'Active', 'not resumed', { timeout: 6000 });
    expect(changes).to.deep.equal(['pause', 'resume']);
  });

  it('payment methods: brand, last four, expiry and the default badge; no remove for the only card', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer), { flow: 'update-payment-method' });
    expect(tab(el, 'Payment methods').getAttribute('aria-current')).to.equal('page');
    const row = $(el, 'li.pm');
    expect(text(row.querySelector('.pm-label'))).to.equal('Visa ending in 4242 Expires 12/30 Default');
    await waitUntil(() => (el.shadowRoot!.querySelector('[part="base"]') as HTMLElement).getAttribute('aria-busy') === 'false');
    // Add / make default / remove appear only where the server has those portal routes.
    const server = await portalApi(a.customer);
    const probe = await server<{ error?: { code: string } }>('POST', '/payment_methods', {});
    if (probe.error?.code === 'url_invalid') {
      await el.updateComplete;
      expect(button(el, 'Add payment method')).to.equal(undefined);
      expect(button(el, 'Remove')).to.equal(undefined);
    } else {
      await waitUntil(() => button(el, 'Add payment method'), 'no add button', { timeout: 6000 });
      expect(button(el, 'Remove')!.getAttribute('aria-disabled')).to.equal('true');
    }
  });

  it('payment methods: add the 4242 test card, make it the default, remove the old one', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer), { flow: 'update-payment-method' });
    await click(el, 'Add payment method');
    const form = await until(el, 'form.card-form');
    form.querySelector<HTMLInputElement>('input[name="number"]')!.value = '4242 4242 4242 4242';
    form.querySelector<HTMLInputElement>('input[name="expiry"]')!.value = '11 / 31';
    form.querySelector<HTMLInputElement>('input[name="cvc"]')!.value = '123';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => $$(el, 'li.pm').length === 2, 'the new card is not listed', { timeout: 6000 });
    const labels = () => $$(el, 'li.pm .pm-label').map(text);
    // The checkout's card stays the default; the new one (expiring 11/31) is listed beside it.
    expect(labels()).to.have.members(['Visa ending in 4242 Expires 12/30 Default', 'Visa ending in 4242 Expires 11/31']);
    const added = () => $$(el, 'li.pm').find((row) => text(row.querySelector('.pm-label')).includes('11/31'))!;
    await waitUntil(() => button(el, 'Make default', added()), 'no "Make default" on the new card', { timeout: 6000 });
    button(el, 'Make default', added())!.click();
    await waitUntil(() => labels().includes('Visa ending in 4242 Expires 11/31 Default'), 'the new card is not the default', { timeout: 6000 });
    const server = await portalApi(a.customer);
    const methods = await server<{ data: { id: string; default: boolean; card: { exp_year: number } }[] }>('GET', '/payment_methods');
    expect(methods.data.find((m) => m.default)!.card.exp_year).to.equal(2031);
    const old = () => $$(el, 'li.pm').find((row) => text(row.querySelector('.pm-label')).includes('12/30'));
    await waitUntil(() => old() && button(el, 'Remove', old()!)?.getAttribute('aria-disabled') === 'false', 'the old card cannot be removed', { timeout: 6000 });
    button(el, 'Remove', old()!)!.click();
    await waitUntil(() => $$(el, 'li.pm').length === 1, 'the old card is still listed', { timeout: 6000 });
    expect(labels()).to.deep.equal(['Visa ending in 4242 Expires 11/31 Default']);
    // The only card of an active subscription stays.
    expect(button(el, 'Remove')!.getAttribute('aria-disabled')).to.equal('true');
    const after = await server<{ data: { id: string }[] }>('GET', '/payment_methods');
    expect(after.data.map((m) => m.id)).to.deep.equal([methods.data.find((m) => m.default)!.id]);
  });

  it('billing details: saves name and address; an invalid tax id is an inline error on its field', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer));
    tab(el, 'Billing details').click();
    await el.updateComplete;
    const field = (name: string) => $<HTMLInputElement>(el, `[name="${name}"]`);
    field('name').value = 'Ana Pop SRL';
    field('line1').value = 'Strada Lungă 5';
    field('city').value = 'Brașov';
    field('country').value = 'ro';
    await click(el, 'Save');
    await waitUntil(() => text($(el, '[role="status"][aria-live]')) === 'Saved', 'not saved', { timeout: 6000 });
    const server = await portalApi(a.customer);
    const customer = await server<{ name: string; address: { line1: string; city: string; country: string } }>('GET', '/customer');
    expect(customer.name).to.equal('Ana Pop SRL');
    expect(customer.address).to.include({ line1: 'Strada Lungă 5', city: 'Brașov', country: 'RO' });

    field('tax_id').value = 'RO123';
    await click(el, 'Save');
    await until(el, '#tax-id-error:not(:empty)');
    expect(text($(el, '#tax-id-error'))).to.equal('This tax ID isn’t valid. Check the number and the country prefix.');
    expect(field('tax_id').getAttribute('aria-invalid')).to.equal('true');
    field('tax_id').value = 'RO18547290';
    await click(el, 'Save');
    await waitUntil(() => field('tax_id').getAttribute('aria-invalid') === 'false', 'still invalid', { timeout: 6000 });
    const saved = await server<{ tax_ids: { value: string }[] }>('GET', '/customer');
    expect(saved.tax_ids.map((x) => x.value)).to.deep.equal(['RO18547290']);
  });

  it('invoices: date, number, amount and status, and the detail in a dialog', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer));
    tab(el, 'Invoices').click();
    await until(el, 'table.invoices');
    const rows = $$(el, 'table.invoices tbody tr').map((row) => Array.from(row.children).map(text));
    expect(rows.length).to.equal(1);
    expect(rows[0]![1]).to.match(/^ABONA-\d+$/);
    expect(rows[0]![2]).to.equal('€10.89'); // 900 + 21 % TVA (189)
    expect(rows[0]![3]).to.equal('Paid');
    button(el, 'View')!.click();
    const dialog = await until(el, 'abona-dialog[open]');
    const lines = Array.from(dialog.querySelectorAll('tr')).map((row) => Array.from(row.children).map(text).join(' '));
    expect(lines).to.include('TVA 21% €1.89');
    expect(lines).to.include('Total €10.89');
    await expectAccessible(el);
  });

  it('shows only the signed-in customer’s data: B’s token never lists A’s subscription', async () => {
    const a = await subscribed('Basic');
    const b = await subscribed('Enterprise');
    const el = await portal(await portalCode(b.customer));
    expect($$(el, 'article.subscription').map((c) => text(c.querySelector('.plan')))).to.deep.equal(['Enterprise']);
    const server = await portalApi(b.customer);
    const foreign = await server<{ error: { code: string } }>('GET', `/subscriptions/${a.subscription}`);
    expect(foreign.error.code).to.equal('resource_missing');
  });

  it('deep links: flow="cancel" and flow="change-plan" open their step, with focus on it', async () => {
    const a = await subscribed('Basic');
    const cancel = await portal(await portalCode(a.customer), { flow: 'cancel' });
    await until(cancel, 'fieldset.reasons');
    expect(text($(cancel, '.heading'))).to.equal('Cancel subscription');
    expect(root(cancel).activeElement).to.equal($(cancel, '.heading'));
    const plans = await portal(await portalCode(a.customer, 'change-plan'));
    await until(plans, 'abona-pricing-table');
    expect(text($(plans, '.heading'))).to.equal('Change plan');
  });

  it('signs in through a session-endpoint (POST with cookies) and keeps the token in memory only', async () => {
    const a = await subscribed('Basic');
    const original = window.fetch;
    const asked: RequestInit[] = [];
    // The vendor's backend: mints a session with its secret key for the signed-in customer.
    window.fetch = async (input, init) => {
      if (String(input).endsWith('/vendor/billing-session')) {
        asked.push(init ?? {});
        return new Response(JSON.stringify({ code: await portalCode(a.customer) }), { headers: { 'Content-Type': 'application/json' } });
      }
      return original(input, init);
    };
    try {
      const el = await portal(undefined, { 'session-endpoint': '/vendor/billing-session' });
      expect(text($(el, 'article.subscription .plan'))).to.equal('Basic');
      expect(asked.map((i) => [i.method, i.credentials])).to.deep.equal([['POST', 'include']]);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).to.not.contain('ptok_');
    } finally {
      window.fetch = original;
    }
  });

  it('an expired or used code says what to do, without a retry that cannot work', async () => {
    const a = await subscribed('Basic');
    const code = await portalCode(a.customer);
    await portal(code);
    const again = await portal(code);
    expect(text($(again, '.error-state'))).to.contain('Your session has expired.');
    expect(again.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
  });

  it('keyboard: Tab reaches the tabs and Enter opens them; the cancel flow works without a mouse', async () => {
    const a = await subscribed('Basic');
    const el = await portal(await portalCode(a.customer));
    tab(el, 'Overview').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tab(el, 'Payment methods').getAttribute('aria-current')).to.equal('page');
    expect(root(el).activeElement).to.equal($(el, '.heading'));
    tab(el, 'Overview').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    button(el, 'Cancel subscription')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, 'fieldset.reasons');
    expect(root(el).activeElement).to.equal($(el, '.heading'));
    $<HTMLInputElement>(el, 'input[value="unused"]').focus();
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, 'input[value="unused"]').checked).to.equal(true);
    button(el, 'Continue')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '.heading')) === 'When should it end?');
  });

  for (const locale of supportedLocales) {
    it(`${locale}: every view renders without a missing message`, async () => {
      const a = await subscribed('Basic');
      const el = await portal(await portalCode(a.customer), { locale });
      await waitUntil(() => el.shadowRoot!.querySelector('article.subscription'), 'no overview', { timeout: 6000 });
      for (const button of $$<HTMLButtonElement>(el, '.tab')) {
        button.click();
        await el.updateComplete;
      }
      $$<HTMLButtonElement>(el, '.tab')[0]!.click();
      await el.updateComplete;
      expect([...missingMessages]).to.deep.equal([]);
      if (locale === 'ro') expect(text($(el, '.tab'))).to.equal('Prezentare generală');
    });
  }

  it('usage: a meter per metered price with what is included, when it resets, and the overage', async () => {
    const a = await subscribed('Basic', undefined, undefined, true);
    await vendor('POST', '/v1/usage_events', { event_id: `e-${a.subscription}`, subscription: a.subscription, price: meteredPrice, quantity: 12345 });
    const el = await portal(await portalCode(a.customer));
    tab(el, 'Usage').click();
    await until(el, 'article.meter');
    // 12,345 − 10,000 included = 2,345 calls × €0.002 = €4.69 (4.69 exactly: 2345 × 0.2 minor units = 469)
    expect(text($(el, 'article.meter p'))).to.match(/^12,345 of 10,000 API calls included · resets \w+ \d+$/);
    expect(text($(el, 'article.meter .muted'))).to.equal('Overage so far: €4.69');
    expect($(el, '.fill').style.getPropertyValue('--ratio')).to.equal('1');
    await expectAccessible(el);
  });

  it('seats: the stepper, the same review step with the server’s lines, then the new count', async () => {
    const a = await subscribed('Team', undefined, undefined, false, 3);
    const el = await portal(await portalCode(a.customer));
    expect(text($(el, 'article.subscription .facts'))).to.contain('3 seats');
    await click(el, 'Change seats');
    const stepper = $(el, 'abona-seat-stepper');
    const plus = Array.from(stepper.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')).at(-1)!;
    plus.click();
    await el.updateComplete;
    await click(el, 'Continue');
    await until(el, '[part="review"] .lines');
    // A fourth seat for the rest of the period: 3 → 4 seats at €12 each (first tier), prorated.
    expect(reviewRows(el).some((row) => row.startsWith('Remaining time on Team'))).to.equal(true);
    await click(el, 'Confirm change');
    await waitUntil(() => text($(el, 'article.subscription .facts')).includes('4 seats'), 'seats unchanged', { timeout: 6000 });
  });

  describe('with a vendor that invoices upgrades now, allows cancel now and offers a retention coupon', () => {
    let before: { proration_behavior: string; portal: { allow_cancel_now: boolean; retention_coupon: string | null } };

    beforeEach(async () => {
      before = await vendor('GET', '/v1/settings/billing');
      const coupons = await vendor<{ data: { id: string }[] }>('GET', '/v1/coupons');
      await vendor('POST', '/v1/settings/billing', { proration_behavior: 'always_invoice', portal: { allow_cancel_now: true, retention_coupon: coupons.data[0]!.id } });
    });

    afterEach(async () => {
      await vendor('POST', '/v1/settings/billing', { proration_behavior: before.proration_behavior, portal: { allow_cancel_now: before.portal.allow_cancel_now, retention_coupon: before.portal.retention_coupon } });
    });

    it('upgrade: the review lists the invoice made now, line by line with its tax, exactly as the server previews it', async () => {
      const a = await subscribed('Basic');
      const server = await portalApi(a.customer);
      const el = await portal(await portalCode(a.customer));
      await choosePlan(el, 'Pro');
      const preview = await server<{ invoice: { lines: { amount: number }[]; tax_breakdown: { label: string; amount: number }[]; amount_due: number } }>('POST', `/subscriptions/${a.subscription}/preview_change`, { items: [{ price: ids.price('Pro', 'month'), quantity: 1 }] });
      const euros = (minor: number) => `€${(Math.abs(minor) / 100).toFixed(2)}`;
      const expected = [
        ...preview.invoice.lines.map((l) => `${l.amount < 0 ? '−' : '+'}${euros(l.amount)}`),
        ...preview.invoice.tax_breakdown.map((tax) => `${tax.label} ${euros(tax.amount)}`),
        `Due today ${euros(preview.invoice.amount_due)}`,
      ];
      const rows = reviewRows(el);
      expect(rows.length).to.equal(expected.length);
      rows.forEach((row, i) => expect(row.endsWith(expected[i]!), `${row} ≠ ${expected[i]}`).to.equal(true));
      expect(preview.invoice.amount_due).to.be.greaterThan(0);
      await click(el, 'Confirm change');
      await waitUntil(() => text($(el, 'article.subscription .plan')) === 'Pro', 'plan did not change', { timeout: 6000 });
      tab(el, 'Invoices').click();
      await until(el, 'table.invoices');
      expect($$(el, 'table.invoices tbody tr').length, 'the upgrade invoice is listed').to.equal(2);
    });

    it('cancel: the retention offer comes first and accepting it keeps the subscription', async () => {
      const a = await subscribed('Basic');
      const el = await portal(await portalCode(a.customer), { flow: 'cancel' });
      await until(el, 'fieldset.reasons');
      $<HTMLInputElement>(el, 'input[value="too_expensive"]').click();
      await click(el, 'Continue');
      expect(text($(el, '.heading'))).to.equal('Before you go');
      await expectAccessible(el);
      await click(el, 'Accept offer');
      await waitUntil(() => text($(el, '[role="status"][aria-live]')).startsWith('Thanks for staying'), 'offer not accepted', { timeout: 6000 });
      expect(pill(el)).to.equal('Active');
      const server = await portalApi(a.customer);
      const subs = await server<{ data: { discounts: unknown[]; cancel_at_period_end: boolean }[] }>('GET', '/subscriptions');
      expect(subs.data[0]!.discounts.length).to.equal(1);
    });

    it('cancel now, where the vendor allows it: the subscription ends at once', async () => {
      const a = await subscribed('Basic');
      const el = await portal(await portalCode(a.customer), { flow: 'cancel' });
      await until(el, 'fieldset.reasons');
      await click(el, 'Continue');
      await click(el, 'No thanks, continue');
      const canceled = new Promise<CustomEvent>((resolve) => el.addEventListener('abona-subscription-canceled', resolve, { once: true }));
      await click(el, 'Cancel now');
      expect((await canceled).detail.atPeriodEnd).to.equal(false);
      await waitUntil(() => text($(el, '.empty')) === 'You don’t have any subscriptions yet.', 'still listed', { timeout: 6000 });
    });

    it('upgrade with a card that needs 3-D Secure: the challenge opens, and completing it applies the change', async () => {
      const a = await subscribed('Basic', '4000002500003155');
      const el = await portal(await portalCode(a.customer));
      await choosePlan(el, 'Pro');
      await click(el, 'Confirm change');
      const dialog = await until(el, 'abona-dialog.three-ds[open]');
      await expectAccessible(el);
      button(el, 'Complete', dialog)!.click();
      await waitUntil(() => text($(el, 'article.subscription .plan')) === 'Pro', 'plan did not change', { timeout: 6000 });
      expect(root(el).querySelector('abona-dialog.three-ds')).to.equal(null);
    });

    it('a failed 3-D Secure challenge leaves the plan unchanged and says so', async () => {
      const a = await subscribed('Basic', '4000002500003155');
      const el = await portal(await portalCode(a.customer));
      await choosePlan(el, 'Pro');
      await click(el, 'Confirm change');
      const dialog = await until(el, 'abona-dialog.three-ds[open]');
      button(el, 'Fail', dialog)!.click();
      await waitUntil(() => text($(el, '[role="status"][aria-live]')).startsWith('The payment didn’t go through'), 'no failure notice', { timeout: 6000 });
      const server = await portalApi(a.customer);
      const subs = await server<{ data: { items: { data: { price: { id: string } }[] } }[] }>('GET', '/subscriptions');
      expect(subs.data[0]!.items.data[0]!.price.id).to.equal(ids.price('Basic', 'month'));
    });
  });
});
