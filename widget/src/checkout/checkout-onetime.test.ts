import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { catalogIds, demoKey, expectAccessible, text } from '../../test/helpers.js';
import { missingMessages } from '../i18n/translate.js';
import './checkout.js';
import type { Checkout } from './checkout.component.js';

/*
 * One-time purchases against the real server (/api/demo, seller in Romania: TVA 21 %). The
 * vendor adds a one-time price with its secret key, as a vendor would; a checkout whose line
 * items are all one-time prices is a payment (`mode: 'payment'`): paid once, no subscription.
 */
const api = '/api/demo';
const secretKey = 'sk_test_abona_demo';

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

async function checkout(price: string, locale = 'en'): Promise<Checkout> {
  const el = await fixture<Checkout>(html`<abona-checkout publishable-key=${demoKey} api-base=${api} price=${price} country="RO" locale=${locale}></abona-checkout>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form.form, .error-state'), 'checkout did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const $ = <E extends Element = HTMLElement>(el: Checkout, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

function type(el: Checkout, field: string, value: string): void {
  const input = $<HTMLInputElement>(el, `[name="${field}"]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<abona-checkout> for a one-time purchase', () => {
  let oneTime: string;
  let monthly: string;

  before(async () => {
    monthly = (await catalogIds(api)).price('Basic', 'month');
    const product = await vendor<{ id: string }>('POST', '/v1/products', { name: 'Onboarding workshop' });
    oneTime = (await vendor<{ id: string }>('POST', '/v1/prices', { product: product.id, currency: 'EUR', unit_amount: 5000, tax_behavior: 'exclusive' })).id;
  });

  beforeEach(() => missingMessages.clear());

  it('says "Pay · €60.50", shows no period and no "then" line, and is accessible', async () => {
    const el = await checkout(oneTime);
    // 5000 + TVA 21 % (1050) = 6050
    expect(text($(el, 'button[type="submit"]'))).to.equal('Pay · €60.50');
    expect(text($(el, '.totals .total dd'))).to.equal('€60.50');
    expect(el.shadowRoot!.querySelector('.summary .then')).to.equal(null);
    expect(text($(el, '.line-meta'))).to.equal('');
    expect(text($(el, '.summary'))).to.not.contain('month');
    await expectAccessible(el);
  });

  it('a plan next to it is still a subscription', async () => {
    const el = await checkout(`${monthly},${oneTime}`);
    // (900 + 5000) × 1.21 = 7139
    expect(text($(el, 'button[type="submit"]'))).to.equal('Subscribe · €71.39');
  });

  it('pays once: "Payment received", and the server made a payment, not a subscription', async () => {
    const el = await checkout(oneTime);
    type(el, 'email', 'workshop@example.ro');
    Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.test-cards .chip')).find((b) => text(b).includes('4242'))!.click();
    await el.updateComplete;
    const completed = new Promise<CustomEvent>((resolve) => el.addEventListener('abona-checkout-completed', (e) => resolve(e as CustomEvent), { once: true }));
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const detail = (await completed).detail as { checkoutSessionId: string; subscriptionId?: string; amountPaidMinor: number };
    await waitUntil(() => el.shadowRoot!.querySelector('.done h2'), 'no success panel', { timeout: 5000 });
    expect(text($(el, '.done h2'))).to.equal('Payment received');
    expect(text($(el, '.done'))).to.contain('A receipt was sent to workshop@example.ro.');
    expect(detail.amountPaidMinor).to.equal(6050);
    expect(detail.subscriptionId).to.equal(undefined);
    const session = await vendor<{ mode: string; status: string; subscription: string | null; invoice: string | null }>('GET', `/v1/checkout_sessions/${detail.checkoutSessionId}`);
    expect(session).to.include({ mode: 'payment', status: 'complete', subscription: null });
    expect(session.invoice).to.match(/^in_/);
  });

  it('by bank transfer: says the order (not a subscription) is confirmed when the money arrives', async () => {
    const el = await checkout(oneTime);
    type(el, 'email', 'transfer@example.ro');
    const methods = $(el, 'abona-segmented-control').shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]');
    methods[methods.length - 1]!.click();
    await el.updateComplete;
    expect(text($(el, '.panel .note'))).to.contain('Your order is confirmed when the transfer arrives.');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.done h2'), 'no transfer panel', { timeout: 5000 });
    expect(text($(el, '.done h2'))).to.equal('Transfer €60.50 to finish');
    expect(text($(el, '.done'))).to.contain('Your order is confirmed as soon as the transfer arrives.').and.not.contain('subscription');
  });

  it('speaks every language: Pay in ro, de, fr and es', async () => {
    const labels: Record<string, string> = {};
    for (const locale of ['ro', 'de', 'fr', 'es']) {
      const el = await checkout(oneTime, locale);
      labels[locale] = text($(el, 'button[type="submit"]')).replace(/[\d.,]+/, 'N');
    }
    expect(labels).to.deep.equal({ ro: 'Plătește · N €', de: 'Bezahlen · N €', fr: 'Payer · N €', es: 'Pagar · N €' });
    expect([...missingMessages]).to.deep.equal([]);
  });
});
