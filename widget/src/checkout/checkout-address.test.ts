import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { catalogIds, demoKey, expectAccessible, text } from '../../test/helpers.js';
import { missingMessages } from '../i18n/translate.js';
import './checkout.js';
import type { Checkout } from './checkout.component.js';

/*
 * The billing address against the real server (/api/demo): asked where tax needs it (US sales
 * tax is local) and of a business (its invoice carries the address), with autocomplete tokens
 * for autofill, in the surrounding form's data, and sent as customer_details.address.
 */
const api = '/api/demo';
const secretKey = 'sk_test_abona_demo';
let basic: string;

async function vendor<T>(path: string): Promise<T> {
  const response = await fetch(`${api}${path}`, { headers: { Authorization: `Bearer ${secretKey}` } });
  return (await response.json()) as T;
}

async function checkout(country: string, locale = 'en'): Promise<Checkout> {
  const el = await fixture<Checkout>(html`<abona-checkout publishable-key=${demoKey} api-base=${api} price=${basic} country=${country} locale=${locale}></abona-checkout>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form.form'), 'checkout did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const $ = <E extends Element = HTMLElement>(el: Checkout, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const names = (el: Checkout) => Array.from(el.shadowRoot!.querySelectorAll('form input, form select')).map((i) => i.getAttribute('name'));
const autocomplete = (el: Checkout) => Object.fromEntries(Array.from(el.shadowRoot!.querySelectorAll('form input, form select')).map((i) => [i.getAttribute('name'), i.getAttribute('autocomplete')]));

function type(el: Checkout, field: string, value: string): void {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, `[name="${field}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** The session as the vendor's backend reads it, once the debounced update has gone out. */
async function addressOnServer(el: Checkout): Promise<Record<string, string | null>> {
  const id = (el as unknown as { store: { $checkout: { get(): { session?: { id: string } } } } }).store.$checkout.get().session!.id;
  await new Promise((resolve) => setTimeout(resolve, 350));
  await waitUntil(() => !$(el, '.totals.updating'), 'totals did not settle', { timeout: 4000 });
  return (await vendor<{ customer_details: { address: Record<string, string | null> } }>(`/v1/checkout_sessions/${id}`)).customer_details.address;
}

describe('<abona-checkout> billing address', () => {
  before(async () => {
    basic = (await catalogIds(api)).price('Basic', 'month');
  });

  beforeEach(() => missingMessages.clear());

  it('a consumer in Romania gives country and postal code only', async () => {
    const el = await checkout('RO');
    expect(names(el)).to.not.include.members(['line1']);
    expect(names(el)).to.not.include.members(['city']);
    expect(names(el)).to.include.members(['country', 'postal_code']);
  });

  it('in the US (local sales tax) asks the full address with autofill tokens, accessibly, and sends it', async () => {
    const el = await checkout('US');
    expect(autocomplete(el)).to.include({ country: 'country', line1: 'address-line1', line2: 'address-line2', city: 'address-level2', state: 'address-level1', postal_code: 'postal-code' });
    expect(text($(el, 'label[for="line2"]'))).to.equal('Apartment, suite, etc. (optional)');
    await expectAccessible(el);
    type(el, 'line1', '350 Fifth Avenue');
    type(el, 'line2', 'Suite 3300');
    type(el, 'city', 'New York');
    type(el, 'state', 'ny');
    type(el, 'postal_code', '10118');
    expect(await addressOnServer(el)).to.deep.equal({ country: 'US', line1: '350 Fifth Avenue', line2: 'Suite 3300', city: 'New York', state: 'NY', postal_code: '10118' });
  });

  it('changing the country keeps focus on the country menu', async () => {
    const el = await checkout('RO');
    const select = $<HTMLSelectElement>(el, '#country')!;
    select.focus();
    type(el, 'country', 'US');
    await el.updateComplete;
    expect($(el, '#line1')).to.not.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(select);
  });

  it('a business gives its street address; paying without it points at the missing line', async () => {
    const el = await checkout('RO');
    $<HTMLInputElement>(el, '.switch input')!.click();
    await waitUntil(() => $(el, '#business_name'), 'no business fields');
    expect(names(el)).to.include.members(['business_name', 'line1', 'line2', 'city']);
    await expectAccessible(el);
    type(el, 'email', 'office@exemplu.ro');
    type(el, 'business_name', 'Exemplu SRL');
    Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.test-cards .chip')).find((b) => text(b).includes('4242'))!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#line1')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#line1-message'))).to.equal('Enter the street address.');
    expect(text($(el, '#city-message'))).to.equal('Enter the city.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#line1'));
    expect($(el, '.done')).to.equal(null);

    type(el, 'line1', 'Bd. Eroilor 12');
    type(el, 'city', 'Cluj-Napoca');
    type(el, 'postal_code', '400129');
    await el.updateComplete;
    const completed = new Promise<CustomEvent>((resolve) => el.addEventListener('abona-checkout-completed', (e) => resolve(e as CustomEvent), { once: true }));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const { customerId } = (await completed).detail as { customerId: string };
    const customer = await vendor<{ name: string; address: Record<string, string | null> }>(`/v1/customers/${customerId}`);
    expect(customer.name).to.equal('Exemplu SRL');
    expect(customer.address).to.include({ line1: 'Bd. Eroilor 12', line2: null, city: 'Cluj-Napoca', postal_code: '400129', country: 'RO' });
  });

  it('contributes the address to the surrounding form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><abona-checkout publishable-key=${demoKey} api-base=${api} price=${basic} country="US" locale="en"></abona-checkout></form>`);
    const el = form.querySelector<Checkout>('abona-checkout')!;
    await waitUntil(() => el.shadowRoot!.querySelector('form.form'), 'checkout did not load', { timeout: 5000 });
    type(el, 'email', 'kim@example.com');
    type(el, 'line1', '1 Main St');
    type(el, 'city', 'Springfield');
    await el.updateComplete;
    const data = new FormData(form);
    expect([data.get('line1'), data.get('city'), data.get('country')]).to.deep.equal(['1 Main St', 'Springfield', 'US']);
  });

  it('labels the address in every language', async () => {
    for (const locale of ['ro', 'de', 'fr', 'es']) {
      const el = await checkout('US', locale);
      expect(text($(el, 'label[for="city"]')), locale).to.not.equal('City');
    }
    expect([...missingMessages]).to.deep.equal([]);
  });
});
