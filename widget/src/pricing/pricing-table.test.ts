import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { card, catalogIds, demoKey, expectAccessible, settled, spyOnFetch, text } from '../../test/helpers.js';
import { resetReportedErrors } from '../api/report.js';
import { configure, $config } from '../config/config.js';
import { missingMessages } from '../i18n/translate.js';
import { supportedLocales } from '../i18n/locale.js';
import type { SeatStepper } from '../shared/seat-stepper/seat-stepper.component.js';
import './pricing-table.js';
import type { PricingTable } from './pricing-table.component.js';

/*
 * Every table here talks to the real @abona/server app (test/server/abona-server.mjs), seeded
 * with test/server/catalogs: /api/main (four plans, EUR/USD/RON, VAT included), /api/models (one
 * product per pricing model), /api/empty. Faults a healthy server never shows (500s, latency,
 * an unreachable host) are injected in front of it; only a product without any price, which the
 * server never lists, still comes from the fixture at /fixture.
 */
const key = demoKey;

async function table(apiBase = '/api/main', attrs: Partial<Record<'locale' | 'currency' | 'country' | 'theme' | 'current-price', string>> = {}): Promise<PricingTable> {
  const el = await fixture<PricingTable>(html`<abona-pricing-table
    publishable-key=${key}
    api-base=${apiBase}
    locale=${attrs.locale ?? 'en'}
    country=${attrs.country ?? 'RO'}
    currency=${attrs.currency ?? 'EUR'}
    theme=${attrs.theme ?? 'light'}
    current-price=${attrs['current-price'] ?? ''}
  ></abona-pricing-table>`);
  await settled(el);
  return el;
}

const root = (el: PricingTable) => el.shadowRoot!;
/** The interval switch: a radio group in the table's own shadow root. */
const switcher = (el: PricingTable) => root(el).querySelector<HTMLElement>('[role="radiogroup"]')!;
const radio = (el: PricingTable, label: string) =>
  Array.from(switcher(el).querySelectorAll<HTMLButtonElement>('[role="radio"]')).find((r) => text(r).startsWith(label))!;
const headline = (c: HTMLElement) => text(c.querySelector('.headline'));
const notes = (c: HTMLElement) => Array.from(c.querySelectorAll('.note')).map(text);

describe('<abona-pricing-table>', () => {
  beforeEach(() => {
    $config.set({});
    resetReportedErrors();
    missingMessages.clear();
  });

  it('is accessible: no axe violations, loaded and loading, light and dark', async () => {
    const light = await table();
    await expectAccessible(light);
    const dark = await table('/api/main', { theme: 'dark' });
    await expectAccessible(dark);
    const loading = await fixture<PricingTable>(html`<abona-pricing-table publishable-key=${key} api-base="/api/slow"></abona-pricing-table>`);
    await expectAccessible(loading);
  });

  describe('rendering each pricing model', () => {
    it('flat: the amount, the interval, the tax line exactly as resolved, and the trial CTA', async () => {
      const el = await table();
      const starter = card(el, 'Starter');
      expect(headline(starter)).to.equal('€9 / month'); // display_amount 900 EUR, incl. 21% VAT
      expect(notes(starter)).to.deep.equal(['incl. TVA 21%']);
      expect(text(starter.querySelector('.cta'))).to.equal('Start 14-day free trial');
      expect(starter.querySelector('abona-seat-stepper')).to.equal(null);
    });

    it('per seat: unit price "per seat / month", a stepper, usage line with the included units', async () => {
      const el = await table();
      const team = card(el, 'Team');
      expect(headline(team)).to.equal('€12 per seat / month'); // unit_display_amount 1200
      expect(team.querySelector('abona-seat-stepper')).to.not.equal(null);
      expect(Array.from(team.querySelectorAll('.usage')).map(text)).to.deep.equal(['+ €0.002 per API call after 100,000 included']); // tier 2: "0.2" cents
      expect(text(team.querySelector('.badge'))).to.equal('Most popular');
      expect(team.getAttribute('part')).to.contain('card-highlighted');
    });

    it('graduated: "from" the starting amount, with an expandable tier table', async () => {
      const el = await table();
      const business = card(el, 'Business');
      expect(headline(business)).to.equal('from €20 / month'); // 1 seat in tier 1: 2000
      const toggle = business.querySelector<HTMLButtonElement>('.tiers-toggle')!;
      const tiers = business.querySelector<HTMLElement>('.tiers')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(tiers.hidden).to.equal(true);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(tiers.hidden).to.equal(false);
      const rows = Array.from(tiers.querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map(text));
      expect(rows).to.deep.equal([
        ['1–10', '€20.00', '—'],
        ['11–50', '€16.00', '—'],
        ['51+', '€12.00', '—'],
      ]);
      expect(text(tiers.querySelector('.tiers-note'))).to.equal('Each tier’s price applies to the units within it.');
    });

    it('contact sales: the price, and a link instead of checkout', async () => {
      const el = await table();
      const enterprise = card(el, 'Enterprise');
      expect(headline(enterprise)).to.equal('€499 / month'); // 49900, VAT included
      const link = enterprise.querySelector<HTMLAnchorElement>('a.cta')!;
      expect(text(link)).to.equal('Contact sales');
      expect(link.href).to.equal('https://example.com/contact-sales');
    });

    it('custom: no price at all reads "Custom" (fixture: the server never lists a product without prices)', async () => {
      const el = await table('/fixture/main');
      const enterprise = card(el, 'Enterprise');
      expect(headline(enterprise)).to.equal('Custom');
      expect(notes(enterprise)).to.deep.equal(['Tailored to your volume']);
      expect(enterprise.querySelector<HTMLAnchorElement>('a.cta')!.href).to.equal('https://example.com/contact-sales');
    });

    it('volume, package, and usage-only plans', async () => {
      const el = await table('/api/models');
      expect(root(el).querySelector('[role="radiogroup"]')).to.equal(null); // one interval: no switch
      expect(root(el).querySelector('.currency')).to.equal(null); // one currency: no menu
      expect(headline(card(el, 'Flat'))).to.equal('€29 / month');
      expect(headline(card(el, 'Seats'))).to.equal('€9 per seat / month');
      expect(headline(card(el, 'Graduated'))).to.equal('from €10 / month');
      const volume = card(el, 'Volume');
      expect(headline(volume)).to.equal('from €25 / month'); // 1 × 1500 + flat 1000
      expect(text(volume.querySelector('.tiers-note'))).to.equal('The price of the tier you reach applies to every unit.');
      const volumeRows = Array.from(volume.querySelectorAll('.tiers tbody tr')).map((r) => Array.from(r.children).map(text));
      expect(volumeRows).to.deep.equal([
        ['1–10', '€15.00', '€10.00'],
        ['11+', '€11.00', '—'],
      ]);
      const pack = card(el, 'Package');
      expect(headline(pack)).to.equal('€5 / month');
      expect(notes(pack)).to.deep.equal(['per 1,000 emails', 'incl. TVA 21%']);
      expect(text(pack.querySelector('.cta'))).to.equal('Buy credits'); // the vendor's own label
      const usage = card(el, 'Usage');
      expect(headline(usage)).to.equal('€0.002 per API call');
      expect(notes(usage)).to.deep.equal(['First 10,000 free', 'incl. TVA 21%']);
      expect(Array.from(usage.querySelectorAll('.usage')).map(text)).to.deep.equal(['+ €0.035 per GB']); // "3.5" cents
    });

    it('aligns cards and features on shared rows', async () => {
      const el = await table();
      el.style.width = '1200px'; // four columns
      await el.updateComplete;
      const tops = (selector: string) => ['Starter', 'Team', 'Business', 'Enterprise'].map((n) => Math.round(card(el, n).querySelector(selector)!.getBoundingClientRect().top));
      for (const selector of ['.price', '.action', '.features li:nth-child(3)']) {
        const values = tops(selector);
        expect(new Set(values).size, `${selector} ${values.join(',')}`).to.equal(1);
      }
      const starterFeatures = Array.from(card(el, 'Starter').querySelectorAll('.features li')).map(text);
      expect(starterFeatures).to.deep.equal([
        '3 projects · Included',
        '10,000 API calls / month · Included',
        'Email support · Included',
        'Audit log · Not included',
        'SAML single sign-on · Not included',
      ]);
    });
  });

  describe('interval and currency', () => {
    it('switches to yearly prices without a request and shows the saving', async () => {
      const el = await table();
      const spy = spyOnFetch();
      try {
        // 1 − 9000 / (12 × 900) = 16.7 %, which the server rounds down to a whole 16: never overstated.
        expect(text(radio(el, 'Yearly'))).to.equal('Yearly Save 16%');
        radio(el, 'Yearly').click();
        await el.updateComplete;
        expect(el.interval).to.equal('year');
        expect(el.getAttribute('interval')).to.equal('year');
        const starter = card(el, 'Starter');
        expect(headline(starter)).to.equal('€7.50 / month'); // server's monthly equivalent of 9000
        expect(notes(starter)).to.deep.equal(['billed yearly as €90', 'incl. TVA 21%']);
        expect(headline(card(el, 'Team'))).to.equal('€120 per seat / year');
        expect(spy.calls.length).to.equal(0);
      } finally {
        spy.restore();
      }
    });

    it('is operable from the keyboard as a radio group', async () => {
      const el = await table();
      radio(el, 'Monthly').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.interval).to.equal('year');
      expect(radio(el, 'Yearly').getAttribute('aria-checked')).to.equal('true');
      expect(radio(el, 'Yearly').tabIndex).to.equal(0);
      expect(radio(el, 'Monthly').tabIndex).to.equal(-1);
      expect(root(el).activeElement).to.equal(radio(el, 'Yearly'));
      await sendKeys({ press: 'ArrowRight' }); // wraps around
      await el.updateComplete;
      expect(el.interval).to.equal('month');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(el.interval).to.equal('year');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(el.interval).to.equal('month');
    });

    it('re-requests in another currency and shows the server amounts', async () => {
      const el = await table();
      const spy = spyOnFetch();
      try {
        const select = root(el).querySelector<HTMLSelectElement>('.currency select')!;
        expect(Array.from(select.options).map((o) => o.value)).to.deep.equal(['EUR', 'USD', 'RON']);
        select.value = 'USD';
        select.dispatchEvent(new Event('change'));
        await waitUntil(() => headline(card(el, 'Starter')) === '$10 / month', 'USD prices not shown');
        expect(spy.calls).to.have.length(1);
        expect(spy.calls[0]!.url.pathname).to.equal('/api/main/v1/pricing');
        expect(spy.calls[0]!.url.searchParams.get('currency')).to.equal('USD');
        expect(spy.calls[0]!.url.searchParams.get('country')).to.equal('RO');
        expect(spy.calls[0]!.authorization).to.equal(`Bearer ${key}`);
        expect(notes(card(el, 'Starter'))).to.deep.equal(['incl. TVA 21%']); // still Romanian VAT
      } finally {
        spy.restore();
      }
    });
  });

  describe('seats', () => {
    it('re-requests the price for the chosen seats once the clicking stops, and shows the server total', async () => {
      const ids = await catalogIds();
      const el = await table();
      const spy = spyOnFetch();
      try {
        const team = card(el, 'Team');
        const stepper = team.querySelector<SeatStepper>('abona-seat-stepper')!;
        const plus = stepper.shadowRoot!.querySelectorAll('button')[1]!;
        plus.click();
        plus.click();
        await el.updateComplete;
        expect(stepper.value).to.equal(3); // 1 + 1 + 1, shown at once
        expect(spy.calls).to.have.length(0); // debounced: nothing sent yet
        // 3 × 1200 = 3600, as the server resolved it.
        await waitUntil(() => text(card(el, 'Team').querySelector('.total')) === '€36.00 in total', 'total not updated', { timeout: 3000 });
        expect(spy.calls).to.have.length(1); // two clicks, one request
        const params = spy.calls[0]!.url.searchParams;
        expect(params.get(`quantity[${ids.price('Team', 'month')}]`)).to.equal('3');
        expect(params.get(`quantity[${ids.price('Team', 'year')}]`)).to.equal('3');
        expect(params.get(`quantity[${ids.price('Team', 'month', 'metered')}]`)).to.equal(null); // usage is not bought by the seat
        expect(headline(card(el, 'Team'))).to.equal('€12 per seat / month');
      } finally {
        spy.restore();
      }
    });

    it('keeps the chosen seats when switching interval', async () => {
      const el = await table();
      const stepper = card(el, 'Business').querySelector<SeatStepper>('abona-seat-stepper')!;
      const input = stepper.shadowRoot!.querySelector('input')!;
      input.value = '12';
      input.dispatchEvent(new Event('change'));
      // Graduated: 10 × €20 + 2 × €16 = €232; no "from" once seats are chosen.
      await waitUntil(() => headline(card(el, 'Business')) === '€232 / month', 'graduated amount not updated', { timeout: 3000 });
      radio(el, 'Yearly').click();
      await el.updateComplete;
      expect(headline(card(el, 'Business'))).to.equal('€2,320 / year'); // 10 × 200 + 2 × 160
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading', async () => {
      const el = await fixture<PricingTable>(html`<abona-pricing-table publishable-key=${key} api-base="/api/slow" locale="en"></abona-pricing-table>`);
      const status = root(el).querySelector('[role="status"]');
      expect(text(status)).to.equal('Loading prices…');
      expect(root(el).querySelectorAll('.skeleton-card')).to.have.length(3);
      expect(root(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
      await settled(el);
      expect(root(el).querySelector('.skeleton-card')).to.equal(null);
    });

    it('shows an error with "Try again" that recovers, and fires abona-error once', async () => {
      const errors: CustomEvent[] = [];
      const listener = (e: Event) => errors.push(e as CustomEvent);
      document.addEventListener('abona-error', listener);
      try {
        const el = await table(`/api/flaky/${Math.random().toString(36).slice(2)}`);
        const panel = root(el).querySelector('.error-state')!;
        expect(panel.getAttribute('role')).to.equal('alert');
        expect(text(panel.querySelector('.error-message'))).to.equal('Something went wrong on our side. Try again in a moment.');
        expect(errors).to.have.length(1);
        expect(errors[0]!.detail).to.include({ element: 'abona-pricing-table', kind: 'api', code: 'internal_error', status: 500 });
        const loaded = oneEvent(el, 'abona-loaded');
        panel.querySelector<HTMLButtonElement>('button')!.click();
        await loaded;
        await el.updateComplete;
        expect(root(el).querySelector('.error-state')).to.equal(null);
        expect(root(el).querySelectorAll('article.card')).to.have.length(4);
        expect(errors).to.have.length(1);
      } finally {
        document.removeEventListener('abona-error', listener);
      }
    });

    it('tells the customer when the network is down', async () => {
      const el = await table('http://127.0.0.1:1');
      expect(text(root(el).querySelector('.error-message'))).to.equal("We couldn't reach the server. Check your connection and try again.");
      expect(root(el).querySelector('.error-state button')).to.not.equal(null);
    });

    it('shows an empty state when there are no plans', async () => {
      const el = await table('/api/empty');
      expect(text(root(el).querySelector('.empty'))).to.equal('No plans are available right now.');
    });
  });

  describe('bad configuration', () => {
    it('refuses a secret key: error state, no request, exactly one console.error naming the attribute', async () => {
      const spy = spyOnFetch();
      const original = console.error;
      const logged: unknown[][] = [];
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const el = await fixture<PricingTable>(html`<abona-pricing-table publishable-key="sk_test_51Secret" api-base="/api/main" locale="en"></abona-pricing-table>`);
        await settled(el);
        el.locale = 'ro'; // more renders must not log again
        await el.updateComplete; // a skeleton until the Romanian copy, its own chunk, arrives
        await settled(el);
        await fixture(html`<abona-pricing-table publishable-key="sk_test_51Secret" api-base="/api/main"></abona-pricing-table>`);
        expect(spy.calls).to.have.length(0); // the secret key never left the page
        expect(logged).to.have.length(1);
        expect(String(logged[0]![0])).to.contain('the publishable-key attribute');
        expect(String(logged[0]![0])).to.not.contain('sk_test_51Secret');
        const panel = root(el).querySelector('.error-state')!;
        expect(text(panel.querySelector('.error-message'))).to.contain('pagina nu este configurată corect');
        expect(panel.querySelector('button')).to.equal(null); // retrying cannot fix configuration
      } finally {
        console.error = original;
        spy.restore();
      }
    });

    it('names the script tag or configure() when the key came from there', async () => {
      const original = console.error;
      const logged: unknown[][] = [];
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        configure({ publishableKey: 'sk_live_other', apiBase: '/api/main' });
        const el = await fixture<PricingTable>(html`<abona-pricing-table></abona-pricing-table>`);
        await settled(el);
        expect(logged).to.have.length(1);
        expect(String(logged[0]![0])).to.contain('configure({ publishableKey })');
      } finally {
        console.error = original;
      }
    });

    it('uses configure() settings when the element has no attributes', async () => {
      configure({ publishableKey: key, apiBase: '/api/main', locale: 'de' });
      const el = await fixture<PricingTable>(html`<abona-pricing-table country="DE"></abona-pricing-table>`);
      await settled(el);
      expect(headline(card(el, 'Starter'))).to.equal('9 € / Monat');
      expect(notes(card(el, 'Starter'))).to.deep.equal(['inkl. USt. 19%']); // the server's label for German VAT
    });
  });

  describe('locales', () => {
    for (const locale of supportedLocales) {
      it(`renders ${locale} without a missing message`, async () => {
        const el = await table('/api/main', { locale });
        card(el, 'Business').querySelector<HTMLButtonElement>('.tiers-toggle')!.click();
        await el.updateComplete;
        switcher(el).querySelectorAll<HTMLButtonElement>('[role="radio"]')[1]!.click(); // yearly copy too
        await el.updateComplete;
        const all = text(root(el).querySelector('section'));
        expect([...missingMessages]).to.deep.equal([]);
        expect(all).to.not.match(/\b(pricing|common)\.[a-zA-Z]/); // no raw key shown
      });
    }

    it('writes Romanian properly, with Romanian money', async () => {
      const el = await table('/api/main', { locale: 'ro' });
      const starter = card(el, 'Starter');
      expect(headline(starter)).to.equal('9 € / lună');
      expect(notes(starter)).to.deep.equal(['cu TVA 21% inclus']);
      expect(text(starter.querySelector('.cta'))).to.equal('Încearcă gratuit 14 zile');
      expect(text(card(el, 'Team').querySelector('.badge'))).to.equal('Cel mai popular');
      expect(text(radio(el, 'Anual'))).to.equal('Anual Economisești 16 %');
    });
  });

  describe('choosing a plan', () => {
    it('fires a cancelable, composed abona-plan-selected with the shown price', async () => {
      const ids = await catalogIds();
      const el = await table();
      setTimeout(() => card(el, 'Team').querySelector<HTMLButtonElement>('.cta')!.click());
      const event = await oneEvent(el, 'abona-plan-selected');
      expect(event.detail).to.deep.equal({
        productId: ids.product('Team'),
        priceId: ids.price('Team', 'month'),
        quantity: 1,
        currency: 'EUR',
        interval: 'month',
        ctaMode: 'event',
        trial: true,
      });
      expect(event.cancelable).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.bubbles).to.equal(true);
    });

    it('reads "Current plan", "Upgrade" and "Downgrade" with a current price', async () => {
      const ids = await catalogIds();
      const el = await table('/api/main', { 'current-price': ids.price('Team', 'month') });
      expect(text(card(el, 'Team').querySelector('.cta'))).to.equal('Current plan');
      expect(card(el, 'Team').querySelector('.cta')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(card(el, 'Starter').querySelector('.cta'))).to.equal('Downgrade');
      expect(text(card(el, 'Business').querySelector('.cta'))).to.equal('Upgrade');
      radio(el, 'Yearly').click();
      await el.updateComplete;
      expect(text(card(el, 'Team').querySelector('.cta'))).to.equal('Switch to this plan');
    });

    it('offers slots for social proof and each plan footer', async () => {
      const ids = await catalogIds();
      const el = await table();
      expect(root(el).querySelector('slot[name="social-proof"]')).to.not.equal(null);
      expect(card(el, 'Team').querySelector(`slot[name="footer-${ids.product('Team')}"]`)).to.not.equal(null);
    });
  });

  it('renders under a CSP without inline styles', async () => {
    const violations = (window as unknown as { cspViolations: string[] }).cspViolations;
    violations.length = 0;
    const el = await table();
    radio(el, 'Yearly').click();
    await el.updateComplete;
    expect(violations).to.deep.equal([]);
  });

  describe('theming', () => {
    it('uses the designed dark palette and vendor custom properties', async () => {
      const light = await table();
      const dark = await table('/api/main', { theme: 'dark' });
      expect(getComputedStyle(card(light, 'Starter')).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(card(dark, 'Starter')).backgroundColor).to.equal('rgb(18, 26, 43)');
      dark.style.setProperty('--abona-color-surface', 'rgb(1, 2, 3)');
      expect(getComputedStyle(card(dark, 'Starter')).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('follows the system with theme="auto", and takes light-dark() overrides per palette', async () => {
      const auto = await table('/api/main', { theme: 'auto' });
      const colours = (el: PricingTable) => {
        const style = getComputedStyle(card(el, 'Team'));
        return [style.backgroundColor, style.color, style.borderTopColor, style.boxShadow];
      };
      try {
        await emulateMedia({ colorScheme: 'dark' });
        // The dark palette, exactly: surface, text, the highlighted card's accent border and glow.
        expect(colours(auto)).to.deep.equal(['rgb(18, 26, 43)', 'rgb(231, 235, 243)', 'rgb(139, 147, 255)', 'rgba(0, 0, 0, 0) 0px 2px 4px 0px, rgba(0, 0, 0, 0) 0px 24px 48px -20px, rgba(139, 147, 255, 0.25) 0px 0px 0px 1px, rgba(139, 147, 255, 0.45) 0px 24px 64px -24px']);
        auto.style.setProperty('--abona-color-surface', 'light-dark(rgb(1, 2, 3), rgb(4, 5, 6))');
        expect(colours(auto)[0]).to.equal('rgb(4, 5, 6)');
        await emulateMedia({ colorScheme: 'light' });
        expect(colours(auto)[0]).to.equal('rgb(1, 2, 3)');
        auto.style.removeProperty('--abona-color-surface');
        expect(colours(auto)).to.deep.equal(['rgb(255, 255, 255)', 'rgb(15, 23, 42)', 'rgb(79, 70, 229)', 'rgba(79, 70, 229, 0.06) 0px 2px 4px 0px, rgba(79, 70, 229, 0.35) 0px 24px 48px -20px, rgba(0, 0, 0, 0) 0px 0px 0px 1px, rgba(0, 0, 0, 0) 0px 24px 64px -24px']);
        // A light table on a dark system stays light.
        await emulateMedia({ colorScheme: 'dark' });
        expect(colours(await table('/api/main', { theme: 'light' }))[0]).to.equal('rgb(255, 255, 255)');
      } finally {
        await emulateMedia({ colorScheme: 'no-preference' });
      }
    });

    it('loads the data once and announces it with abona-loaded', async () => {
      const spy = spyOnFetch();
      try {
        const loaded = oneEvent(document, 'abona-loaded');
        const el = await fixture<PricingTable>(html`<abona-pricing-table publishable-key=${key} api-base="/api/main"></abona-pricing-table>`);
        expect((await loaded).detail).to.deep.equal({ element: 'abona-pricing-table' });
        el.theme = 'dark';
        el.locale = 'fr';
        await el.updateComplete;
        expect(spy.calls).to.have.length(1); // appearance changes don't refetch
      } finally {
        spy.restore();
      }
    });
  });
});
