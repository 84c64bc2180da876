import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { catalogIds, demoKey, expectAccessible, text, type CatalogIds } from '../../test/helpers.js';
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
async function subscribed(plan = 'Basic', card = '4242424242424242', email = `ana-${Math.random().toString(36).slice(2, 8)}@example.ro`): Promise<Customer> {
  const session = await vendor<{ id: string }>('POST', '/v1/checkout_sessions', {
    line_items: [{ price: ids.price(plan, 'month'), quantity: 1 }],
    email,
    customer_details: { address: { country: 'RO' } },
  });
  const done = await vendor<{ status: string; customer: string; subscription: string }>('POST', `/v1/checkout_sessions/${session.id}/confirm`, {
    payment_method: { card: { number: card, exp_month: 12, exp_year: 2030, cvc: '123' } },
  });
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

const tab = (el: Portal, label: string) => $$<HTMLButtonElement>(el, '.tab').find((b) => text(b) === label)!;

describe('<abona-portal>', () => {
  before(async () => {
    ids = await catalogIds(api);
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
});
