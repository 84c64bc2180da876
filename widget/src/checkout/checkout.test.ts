import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { card, catalogIds, demoKey, expectAccessible, settled, spyOnFetch, text, type CatalogIds } from '../../test/helpers.js';
import { resetReportedErrors } from '../api/report.js';
import { $config } from '../config/config.js';
import type { AbonaCheckoutCompletedEvent } from '../events/checkout-completed.js';
import type { AbonaCheckoutFailedEvent } from '../events/checkout-failed.js';
import { supportedLocales } from '../i18n/locale.js';
import { missingMessages } from '../i18n/translate.js';
import type { Dialog } from '../shared/dialog/dialog.component.js';
import type { SegmentedControl } from '../shared/segmented-control/segmented-control.component.js';
import '../pricing/pricing-table.js';
import type { PricingTable } from '../pricing/pricing-table.component.js';
import './checkout.js';
import type { Checkout } from './checkout.component.js';

/*
 * Every checkout here talks to the real @abona/server app seeded with the server's demo catalog
 * (/api/demo: Basic €9/month without a trial, Pro €29/month with 14 days, DEMO20 = 20 % off,
 * seller in Romania) through the sandbox gateway. Subscriptions are checked with the secret key,
 * as a vendor's backend would.
 */
const api = '/api/demo';
const secretKey = 'sk_test_abona_demo';
let ids: CatalogIds;

type Attrs = Partial<Record<'price' | 'country' | 'locale' | 'theme' | 'email' | 'promotion-code', string>>;

async function checkout(attrs: Attrs = {}): Promise<Checkout> {
  const el = await fixture<Checkout>(html`<abona-checkout
    publishable-key=${demoKey}
    api-base=${api}
    price=${attrs.price ?? ids.price('Basic', 'month')}
    country=${attrs.country ?? 'RO'}
    locale=${attrs.locale ?? 'en'}
    theme=${attrs.theme ?? 'light'}
    email=${attrs.email ?? ''}
    promotion-code=${attrs['promotion-code'] ?? ''}
  ></abona-checkout>`);
  await ready(el);
  return el;
}

const root = (el: Checkout) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: Checkout, selector: string) => root(el).querySelector<E>(selector)!;

async function ready(el: Checkout): Promise<void> {
  await waitUntil(() => root(el).querySelector('form.form, .error-state, .done'), 'checkout did not load', { timeout: 5000 });
  await el.updateComplete;
}

/** Waits until the session has been re-priced after a change (the debounce, then the request). */
async function repriced(el: Checkout): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 350));
  await waitUntil(() => !root(el).querySelector('.totals.updating'), 'totals did not settle', { timeout: 4000 });
  await el.updateComplete;
}

function type(el: Checkout, field: string, value: string): void {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, `[name="${field}"]`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

const totals = (el: Checkout) => Array.from(root(el).querySelectorAll('.totals > div')).map((row) => `${text(row.querySelector('dt'))} ${text(row.querySelector('dd'))}`);
const submit = (el: Checkout) => $<HTMLButtonElement>(el, 'button[type="submit"]');
const useCard = (el: Checkout, last4: string) => Array.from(root(el).querySelectorAll<HTMLButtonElement>('.test-cards .chip')).find((b) => text(b).includes(last4))!.click();

async function fillAndPay(el: Checkout, last4: string, email = `buyer-${Math.random().toString(36).slice(2, 8)}@example.ro`): Promise<void> {
  type(el, 'email', email);
  type(el, 'name', 'Ana Pop');
  useCard(el, last4);
  await el.updateComplete;
  submit(el).click();
}

async function settledPayment(el: Checkout): Promise<void> {
  await waitUntil(() => root(el).querySelector('.done h2, .decline, abona-dialog.three-ds[open]'), 'payment did not settle', { timeout: 6000 });
  await el.updateComplete;
}

async function sessionAsVendor(id: string): Promise<{ status: string; subscription: string | null; customer: string | null }> {
  const response = await fetch(`${api}/v1/checkout_sessions/${id}`, { headers: { Authorization: `Bearer ${secretKey}` } });
  return response.json();
}

function sessionIdOf(el: Checkout): string {
  return (el as unknown as { store: { $checkout: { get(): { session?: { id: string } } } } }).store.$checkout.get().session!.id;
}

describe('<abona-checkout>', () => {
  before(async () => {
    ids = await catalogIds(api);
  });

  beforeEach(() => {
    $config.set({});
    resetReportedErrors();
    missingMessages.clear();
  });

  it('is accessible: loading, loaded, and a dark business form with a tax id problem', async () => {
    const loading = await fixture<Checkout>(html`<abona-checkout publishable-key=${demoKey} api-base="/api/slow" price="price_x" locale="en"></abona-checkout>`);
    await expectAccessible(loading);
    const el = await checkout();
    await expectAccessible(el);
    const dark = await checkout({ theme: 'dark' });
    $<HTMLInputElement>(dark, '.switch input').click();
    await waitUntil(() => root(dark).querySelector('#tax_id'), 'no tax id field');
    type(dark, 'tax_id', 'DE1');
    await dark.updateComplete;
    await expectAccessible(dark);
  });

  it('is accessible after a decline, in the 3-D Secure dialog and on success', async () => {
    const el = await checkout();
    await fillAndPay(el, '0002');
    await settledPayment(el);
    await expectAccessible(el);
    await fillAndPay(el, '3155');
    await settledPayment(el);
    await expectAccessible($(el, 'abona-dialog.three-ds'));
    $<HTMLButtonElement>(el, 'abona-dialog.three-ds .button.primary').click();
    await waitUntil(() => root(el).querySelector('.done h2'), 'no success after 3-D Secure', { timeout: 5000 });
    await expectAccessible(el);
  });

  it('shows each line, subtotal, TVA 21 % with its rate and the total, and states the amount on the button', async () => {
    const el = await checkout();
    expect(text($(el, '.line-name'))).to.equal('Basic');
    expect(text($(el, '.line-meta'))).to.equal('/ month');
    expect(totals(el)).to.deep.equal(['Subtotal €9.00', 'TVA 21% €1.89', 'Total due today €10.89']); // 900 + 900 × 0.21 = 1089
    expect(text(submit(el))).to.equal('Subscribe · €10.89');
    expect($(el, '.totals').getAttribute('aria-live')).to.equal('polite');
    expect(text($(el, '.test-banner'))).to.contain('Test mode');
    expect($<HTMLSelectElement>(el, '#country').value).to.equal('RO');
    const autocomplete = Object.fromEntries(Array.from(root(el).querySelectorAll('input, select')).map((i) => [i.getAttribute('name'), i.getAttribute('autocomplete')]));
    expect(autocomplete).to.include({ email: 'email', name: 'name', country: 'country', postal_code: 'postal-code', card_number: 'cc-number', card_expiry: 'cc-exp', card_cvc: 'cc-csc' });
  });

  it('a trial says "Start trial" and what follows it', async () => {
    const el = await checkout({ price: ids.price('Pro', 'month') });
    expect(text(submit(el))).to.equal('Start trial');
    expect(text($(el, '.trial-chip'))).to.equal('14-day free trial');
    // After 14 days: 2900 + 21 % TVA (609) = 3509
    expect(text($(el, '.then'))).to.match(/^Then €35\.09 \/ month from \w{3} \d{1,2}, \d{4}$/);
  });

  it('succeeds with 4242: success panel, one completion event, and a subscription the vendor can see', async () => {
    const el = await checkout();
    const completed: AbonaCheckoutCompletedEvent[] = [];
    el.addEventListener('abona-checkout-completed', (e) => completed.push(e));
    await fillAndPay(el, '4242', 'ana@example.ro');
    await settledPayment(el);
    expect(text($(el, '.done h2'))).to.equal('You’re subscribed to Basic');
    expect(text($(el, '.done p'))).to.equal('A receipt was sent to ana@example.ro.');
    await waitUntil(() => root(el).activeElement === $(el, '.done h2'), 'the outcome heading did not take focus');
    // Re-render, relocalize and move the element: the event stays at one.
    el.locale = 'ro';
    await el.updateComplete;
    el.parentElement!.append(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(completed).to.have.length(1);
    const detail = completed[0]!.detail;
    expect(detail).to.include({ status: 'complete', amountPaidMinor: 1089, currency: 'EUR' });
    const vendorView = await sessionAsVendor(detail.checkoutSessionId);
    expect(vendorView.status).to.equal('complete');
    expect(vendorView.subscription).to.equal(detail.subscriptionId);
    const subscription = await (await fetch(`${api}/v1/subscriptions/${vendorView.subscription}`, { headers: { Authorization: `Bearer ${secretKey}` } })).json();
    expect(subscription).to.include({ status: 'active', customer: detail.customerId });
  });

  for (const [last4, code, message] of [
    ['0002', 'card_declined', 'Your card was declined. Try another card.'],
    ['9995', 'insufficient_funds', 'Your card has insufficient funds. Try another card.'],
  ] as const) {
    it(`a ${code} decline is explained in plain words, fires abona-checkout-failed and creates nothing`, async () => {
      const el = await checkout();
      const failed = oneEvent(el, 'abona-checkout-failed') as Promise<AbonaCheckoutFailedEvent>;
      await fillAndPay(el, last4);
      const event = await failed;
      await settledPayment(el);
      expect(event.detail).to.include({ code: 'card_declined', declineCode: code });
      expect(text($(el, '.decline'))).to.equal(message);
      expect(submit(el).disabled).to.equal(false); // the customer can try another card
      const vendorView = await sessionAsVendor(sessionIdOf(el));
      expect(vendorView).to.include({ status: 'open', subscription: null, customer: null });
    });
  }

  it('3-D Secure (4000002500003155): Fail explains and keeps the form; Complete finishes', async () => {
    const el = await checkout();
    await fillAndPay(el, '3155');
    await settledPayment(el);
    const dialog = $<Dialog>(el, 'abona-dialog.three-ds');
    expect(dialog.open).to.equal(true);
    const failed = oneEvent(el, 'abona-checkout-failed') as Promise<AbonaCheckoutFailedEvent>;
    $<HTMLButtonElement>(el, 'abona-dialog.three-ds .button.secondary').click();
    expect((await failed).detail.declineCode).to.equal('authentication_failed');
    await waitUntil(() => root(el).querySelector('.decline'));
    expect(text($(el, '.decline'))).to.equal('The payment wasn’t confirmed. Try again or use another card.');
    expect(dialog.open).to.equal(false);
    submit(el).click();
    await waitUntil(() => dialog.open, 'the challenge did not open again');
    $<HTMLButtonElement>(el, 'abona-dialog.three-ds .button.primary').click();
    await waitUntil(() => root(el).querySelector('.done h2'), 'no success after Complete', { timeout: 5000 });
    expect((await sessionAsVendor(sessionIdOf(el))).subscription).to.match(/^sub_/);
  });

  it('promotion code DEMO20 lowers the total; a wrong code is marked on the field', async () => {
    const el = await checkout();
    $<HTMLButtonElement>(el, '.promo-add').click();
    await el.updateComplete;
    type(el, 'promo', 'NOPE');
    $<HTMLButtonElement>(el, '.promo-row .button').click();
    await waitUntil(() => root(el).querySelector('#promo[aria-invalid="true"]'), 'invalid code not marked');
    expect(text($(el, '#promo-message'))).to.equal('This code isn’t valid.');
    type(el, 'promo', 'DEMO20');
    $<HTMLButtonElement>(el, '.promo-row .button').click();
    await waitUntil(() => root(el).querySelector('.promo-applied'), 'code not applied');
    await el.updateComplete;
    // 900 − 20 % = 720; TVA 21 % of 720 = 151.2 → 151; 720 + 151 = 871
    expect(totals(el)).to.deep.equal(['Subtotal €9.00', 'Discount (DEMO20) −€1.80', 'TVA 21% €1.51', 'Total due today €8.71']);
    expect(text(submit(el))).to.equal('Subscribe · €8.71');
  });

  it('switching country re-prices: RO TVA 21 % → DE USt. 19 % → US (state) no tax', async () => {
    const el = await checkout();
    type(el, 'country', 'DE');
    await repriced(el);
    expect(totals(el)).to.deep.equal(['Subtotal €9.00', 'USt. 19% €1.71', 'Total due today €10.71']); // 900 × 0.19 = 171
    type(el, 'country', 'US');
    await el.updateComplete;
    type(el, 'state', 'NY');
    type(el, 'postal_code', '10001');
    await repriced(el);
    expect(totals(el)).to.deep.equal(['Subtotal €9.00', 'Total due today €9.00']);
  });

  it('a business with a valid VAT id from another EU country is reverse charged; a wrong one is flagged as typed', async () => {
    const el = await checkout();
    $<HTMLInputElement>(el, '.switch input').click();
    await waitUntil(() => root(el).querySelector('#tax_id'), 'no tax id field');
    type(el, 'country', 'DE');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#tax_id').placeholder).to.equal('e.g. DE136695976');
    type(el, 'business_name', 'Muster GmbH');
    type(el, 'tax_id', 'DE13669597X');
    await el.updateComplete;
    expect(text($(el, '#tax_id-message'))).to.equal('This tax ID doesn’t look right for Germany.');
    type(el, 'tax_id', 'DE136695977'); // right shape, wrong check digit: the server says 400
    await repriced(el);
    await waitUntil(() => root(el).querySelector('#tax_id[aria-invalid="true"]'));
    expect(text($(el, '#tax_id-message'))).to.equal('This tax ID isn’t valid. Correct it or remove it to continue.');
    expect(totals(el)).to.include('USt. 19% €1.71'); // the country still applied
    type(el, 'tax_id', 'DE136695976');
    await repriced(el);
    expect(totals(el)).to.deep.equal(['Subtotal €9.00', 'VAT reverse charged €0.00', 'Total due today €9.00']);
    expect(root(el).querySelector('#tax_id-message')).to.equal(null);
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await checkout();
    $<HTMLInputElement>(el, '#email').focus();
    await sendKeys({ type: 'kim@example.ro' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Kim Lee' });
    await sendKeys({ press: 'Tab' }); // country
    await sendKeys({ press: 'Tab' }); // postal code
    await sendKeys({ press: 'Tab' }); // business switch
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(root(el).querySelector('#business_name')).to.not.equal(null);
    await sendKeys({ press: 'Space' }); // and off again
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // payment methods: Card selected
    expect(text((root(el).querySelector('abona-segmented-control') as SegmentedControl).shadowRoot!.activeElement)).to.equal('Card');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '4242424242424242' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '1234' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '123' });
    expect($<HTMLInputElement>(el, '#card_expiry').value).to.equal('12 / 34');
    await sendKeys({ press: 'Enter' }); // submits the form
    await settledPayment(el);
    expect(text($(el, '.done h2'))).to.equal('You’re subscribed to Basic');
  });

  it('a double click sends one confirmation, with an Idempotency-Key', async () => {
    const el = await checkout();
    type(el, 'email', 'double@example.ro');
    useCard(el, '4242');
    await el.updateComplete;
    const spy = spyOnFetch();
    const original = window.fetch;
    const keys: (string | null)[] = [];
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/confirm')) keys.push(new Headers(init?.headers).get('idempotency-key'));
      return original(input, init);
    };
    try {
      submit(el).click();
      submit(el).click();
      submit(el).dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await settledPayment(el);
    } finally {
      window.fetch = original;
      spy.restore();
    }
    expect(spy.calls.filter((c) => c.url.pathname.endsWith('/confirm'))).to.have.length(1);
    expect(keys).to.have.length(1);
    expect(keys[0]).to.match(/^[\w-]{16,}$/);
    expect(root(el).querySelector('.done')).to.not.equal(null);
  });

  it('the page can veto the payment with abona-before-checkout', async () => {
    const el = await checkout();
    const vetoed: unknown[] = [];
    el.addEventListener('abona-before-checkout', (event) => {
      vetoed.push(event.detail);
      event.preventDefault();
    });
    const spy = spyOnFetch();
    try {
      await fillAndPay(el, '4242', 'veto@example.ro');
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      spy.restore();
    }
    expect(vetoed).to.deep.equal([{ priceId: ids.price('Basic', 'month'), quantity: 1, currency: 'EUR', email: 'veto@example.ro' }]);
    expect(spy.calls.filter((c) => /confirm|tokenize/.test(c.url.pathname))).to.have.length(0);
    expect(root(el).querySelector('.done')).to.equal(null);
    expect(submit(el).disabled).to.equal(false);
  });

  it('checks email and card before asking the server, focusing the first problem', async () => {
    const el = await checkout();
    type(el, 'card_number', '4242 4242 4242 4241');
    submit(el).click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '#email'));
    expect(text($(el, '#email-message'))).to.equal('Enter an email address like name@example.com.');
    expect(text($(el, '#card_number-message'))).to.equal('Your card number is incomplete or invalid.');
  });

  it('bank transfer: the instructions, and a pending completion', async () => {
    const el = await checkout();
    type(el, 'email', 'transfer@example.ro');
    (root(el).querySelector('abona-segmented-control') as SegmentedControl).shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')[2]!.click();
    await el.updateComplete;
    const completed = oneEvent(el, 'abona-checkout-completed') as Promise<AbonaCheckoutCompletedEvent>;
    submit(el).click();
    expect((await completed).detail.status).to.equal('pending');
    await waitUntil(() => root(el).querySelector('.done h2'));
    expect(text($(el, '.done h2'))).to.equal('Transfer €10.89 to finish');
    expect(text($(el, '.bank'))).to.contain('IBAN').and.contain('DE64370400440000123456');
  });

  it('the wallet tab pays through the simulated wallet sheet', async () => {
    const el = await checkout();
    type(el, 'email', 'wallet-tab@example.ro');
    (root(el).querySelector('abona-segmented-control') as SegmentedControl).shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="radio"]')[1]!.click();
    await el.updateComplete;
    expect(text(submit(el))).to.equal('Pay with Google Pay (test)');
    submit(el).click();
    await el.updateComplete;
    const sheet = $<Dialog>(el, 'abona-dialog.wallet-sheet');
    expect(sheet.open).to.equal(true);
    await expectAccessible(sheet);
    $<HTMLButtonElement>(el, '.wallet-sheet .wallet-pay').click();
    await settledPayment(el);
    expect(text($(el, '.done h2'))).to.equal('You’re subscribed to Basic');
  });

  it('works inside a page’s own form: its fields are submitted and an empty email holds the form back', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <input name="vendor_field" value="x" />
      <abona-checkout publishable-key=${demoKey} api-base=${api} price=${ids.price('Basic', 'month')} country="RO" locale="en"></abona-checkout>
    </form>`);
    const el = form.querySelector('abona-checkout')!;
    await ready(el);
    expect(form.checkValidity()).to.equal(false);
    type(el, 'email', 'form@example.ro');
    type(el, 'postal_code', '400001');
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    const data = new FormData(form);
    expect(data.get('vendor_field')).to.equal('x');
    expect(data.get('email')).to.equal('form@example.ro');
    expect(data.get('country')).to.equal('RO');
    expect(data.get('postal_code')).to.equal('400001');
    expect(String(data.get('checkout_session'))).to.match(/^cs_/);
  });

  it('a wrong key shows an error state and one console error naming the attribute', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const el = await fixture<Checkout>(html`<abona-checkout publishable-key="sk_test_oops" api-base=${api} price="price_x" locale="en"></abona-checkout>`);
      await ready(el);
      expect(root(el).querySelector('.error-state')).to.not.equal(null);
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('publishable-key attribute');
  });

  it('opens from the pricing table: in a dialog for checkout-dialog, below it for checkout-inline', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <abona-pricing-table publishable-key=${demoKey} api-base=${api} locale="en" country="RO" currency="EUR" cta-mode="checkout-dialog"></abona-pricing-table>
    </div>`);
    const table = page.querySelector<PricingTable>('abona-pricing-table')!;
    await settled(table);
    card(table, 'Basic').querySelector<HTMLButtonElement>('.cta')!.click();
    const el = page.querySelector('abona-checkout')!;
    expect(el.previousElementSibling).to.equal(table);
    expect(el.presentation).to.equal('dialog');
    await ready(el);
    const dialog = $<Dialog>(el, 'abona-dialog.checkout-dialog');
    expect(dialog.open).to.equal(true);
    expect(text(dialog.shadowRoot!.querySelector('h2'))).to.equal('Basic');
    expect(text($(el, '.line-name'))).to.equal('Basic');
    await expectAccessible(dialog);
    dialog.hide();
    await waitUntil(() => !el.open, 'closing the dialog did not close the checkout');
    table.ctaMode = 'checkout-inline';
    await table.updateComplete;
    card(table, 'Pro').querySelector<HTMLButtonElement>('.cta')!.click();
    expect(page.querySelectorAll('abona-checkout')).to.have.length(1); // reused
    expect(el.presentation).to.equal('inline');
    await waitUntil(() => text(root(el).querySelector('.line-name')) === 'Pro', 'the inline checkout did not switch to Pro', { timeout: 4000 });
    expect(root(el).querySelector('abona-dialog.checkout-dialog')).to.equal(null);
  });

  describe('locales', () => {
    for (const locale of supportedLocales) {
      it(`renders ${locale} without a missing message`, async () => {
        const el = await checkout({ locale, price: ids.price('Pro', 'month') });
        await waitUntil(() => !root(el).querySelector('.loading'));
        $<HTMLInputElement>(el, '.switch input').click();
        $<HTMLButtonElement>(el, '.promo-add').click();
        await el.updateComplete;
        expect(text(submit(el)).length).to.be.greaterThan(3);
        expect([...missingMessages]).to.deep.equal([]);
      });
    }

    it('Romanian: money, dates and copy', async () => {
      const el = await checkout({ locale: 'ro' });
      await waitUntil(() => text(submit(el)).startsWith('Abonează-te'));
      expect(text(submit(el))).to.equal('Abonează-te · 10,89 €');
      expect(totals(el)).to.deep.equal(['Subtotal 9,00 €', 'TVA 21% 1,89 €', 'Total de plată azi 10,89 €']);
    });
  });
});
