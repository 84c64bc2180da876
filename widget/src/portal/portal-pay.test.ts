import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { catalogIds, demoKey, expectAccessible, spyOnFetch, text, type CatalogIds } from '../../test/helpers.js';
import { resetReportedErrors } from '../api/report.js';
import { $config } from '../config/config.js';
import './portal.js';
import type { Portal } from './portal.component.js';

/*
 * "Pay now", the past-due banner and invoice PDFs against the real server (demo catalog: Basic
 * €9/month + 21 % TVA = €10.89). A past-due subscription is made the way a vendor's test mode
 * allows: a customer on a test clock subscribes with a good Visa, then makes a card that attaches
 * but declines every charge (4000 0000 0000 0341) the default, and the clock moves past the
 * renewal and its first retry.
 */
const api = '/api/demo';
const secretKey = 'sk_test_abona_demo';
const DAY_MS = 86_400_000;
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

async function pastDueCustomer(): Promise<{ customer: string; subscription: string }> {
  const start = Date.now();
  const clock = await vendor<{ id: string }>('POST', '/v1/test_helpers/test_clocks', { frozen_time: new Date(start).toISOString() });
  const customer = await vendor<{ id: string }>('POST', '/v1/customers', { email: `dana-${Math.random().toString(36).slice(2, 8)}@example.ro`, name: 'Dana', address: { country: 'RO' }, test_clock: clock.id });
  await vendor('POST', `/v1/customers/${customer.id}/payment_methods`, { token: 'tok_visa' });
  const sub = await vendor<{ id: string }>('POST', '/v1/subscriptions', { customer: customer.id, items: [{ price: ids.price('Basic', 'month') }] });
  await vendor('POST', `/v1/customers/${customer.id}/payment_methods`, { token: 'tok_chargeCustomerFail', set_default: true });
  await vendor('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, { frozen_time: new Date(start + 33 * DAY_MS).toISOString() });
  const after = await vendor<{ status: string }>('GET', `/v1/subscriptions/${sub.id}`);
  expect(after.status).to.equal('past_due');
  return { customer: customer.id, subscription: sub.id };
}

async function portalCode(customer: string): Promise<string> {
  return (await vendor<{ code: string }>('POST', '/v1/portal_sessions', { customer })).code;
}

const root = (el: Portal) => el.shadowRoot!;
const banner = (el: Portal) => root(el).querySelector<HTMLElement>('.banner');
const buttons = (scope: ParentNode) => Array.from(scope.querySelectorAll<HTMLButtonElement>('button'));
const button = (scope: ParentNode, label: string) => buttons(scope).find((b) => text(b).startsWith(label));

async function click(el: Portal, label: string, scope: ParentNode = root(el)): Promise<void> {
  await waitUntil(() => button(scope, label) && !button(scope, label)!.disabled, `no enabled "${label}" in: ${text(root(el).querySelector('section'))}`, { timeout: 10000 });
  button(scope, label)!.click();
  await el.updateComplete;
}

async function portal(code: string): Promise<Portal> {
  const el = await fixture<Portal>(html`<abona-portal publishable-key=${demoKey} api-base=${api} session=${code} locale="en"></abona-portal>`);
  await waitUntil(() => root(el).querySelector('.panel, .error-state'), 'portal did not load', { timeout: 8000 });
  return el;
}

describe('<abona-portal> Pay now and invoice PDFs', () => {
  before(async () => {
    ids = await catalogIds(api);
  });

  beforeEach(() => {
    $config.set({});
    resetReportedErrors();
  });

  it('a past-due subscription: the banner offers to pay; paying with a good card clears it and the invoice is paid', async () => {
    const { customer } = await pastDueCustomer();
    const el = await portal(await portalCode(customer));
    await waitUntil(() => text(banner(el)).includes('Pay €10.89 now'), `no banner with the amount: ${text(banner(el))}`, { timeout: 8000 });
    expect(text(banner(el)!.querySelector('p'))).to.equal('Your last payment failed. Pay €10.89 now or update your payment method to keep Basic.');
    expect(buttons(banner(el)!).map(text)).to.deep.equal(['Pay now', 'Update payment method']);
    await expectAccessible(el);

    await click(el, 'Pay now', banner(el)!);
    const dialog = await waitUntil(() => root(el).querySelector('abona-dialog.pay[open]'), 'no pay dialog', { timeout: 6000 }).then(() => root(el).querySelector<HTMLElement>('abona-dialog.pay')!);
    await el.updateComplete;
    // Two cards: the declining default (0341) is chosen first; the customer picks the Visa 4242.
    const choices = Array.from(dialog.querySelectorAll('label.choice')).map(text);
    expect(choices).to.have.members(['Visa •••• 4242', 'Visa •••• 0341']);
    expect(text(button(dialog, 'Pay €10.89'))).to.equal('Pay €10.89 with Visa •••• 0341');
    await expectAccessible(el);

    // The default card declines: the dialog says so in the checkout's words, nothing is paid.
    await click(el, 'Pay €10.89 with Visa •••• 0341', dialog);
    await waitUntil(() => text(dialog.querySelector('.field-error')) !== '', 'no decline message', { timeout: 8000 });
    expect(text(dialog.querySelector('.field-error'))).to.equal('Your card was declined. Try another card.');

    const visa = Array.from(dialog.querySelectorAll<HTMLLabelElement>('label.choice')).find((l) => text(l) === 'Visa •••• 4242')!;
    visa.querySelector('input')!.click();
    await el.updateComplete;
    await click(el, 'Pay €10.89 with Visa •••• 4242', dialog);
    await waitUntil(() => !root(el).querySelector('abona-dialog.pay'), 'the dialog stayed open', { timeout: 8000 });
    expect(text(root(el).querySelector('[aria-live]'))).to.match(/^Thanks! Invoice .+ is paid\.$/);
    await waitUntil(() => banner(el) === null && text(root(el).querySelector('article.subscription .pill')) === 'Active', 'the banner stayed', { timeout: 8000 });

    await click(el, 'Invoices');
    await waitUntil(() => root(el).querySelector('table.invoices'), 'no invoices', { timeout: 6000 });
    const statuses = Array.from(root(el).querySelectorAll('table.invoices tbody tr')).map((row) => text(row.querySelector('.pill')));
    expect(statuses).to.deep.equal(['Paid', 'Paid']);
    expect(buttons(root(el).querySelector('table.invoices')!).filter((b) => text(b).startsWith('Pay now'))).to.have.length(0);
  });

  it('Pay now with a card that asks for 3-D Secure: the portal’s challenge, then paid', async () => {
    const { customer } = await pastDueCustomer();
    await vendor('POST', `/v1/customers/${customer}/payment_methods`, { token: 'tok_threeDSecureRequired' });
    const el = await portal(await portalCode(customer));
    await waitUntil(() => button(banner(el) ?? root(el), 'Pay now'), 'no Pay now in the banner', { timeout: 8000 });
    await click(el, 'Pay now', banner(el)!);
    await waitUntil(() => root(el).querySelector('abona-dialog.pay[open] label.choice'), 'no card choice', { timeout: 6000 });
    const dialog = root(el).querySelector<HTMLElement>('abona-dialog.pay')!;
    Array.from(dialog.querySelectorAll<HTMLLabelElement>('label.choice')).find((l) => text(l) === 'Visa •••• 3155')!.querySelector('input')!.click();
    await el.updateComplete;
    await click(el, 'Pay €10.89 with Visa •••• 3155', dialog);
    const challenge = await waitUntil(() => root(el).querySelector('abona-dialog.three-ds[open]'), 'no 3-D Secure challenge', { timeout: 8000 }).then(() => root(el).querySelector<HTMLElement>('abona-dialog.three-ds')!);
    await expectAccessible(el);
    await click(el, 'Complete', challenge);
    await waitUntil(() => banner(el) === null && !root(el).querySelector('abona-dialog'), 'still past due after the challenge', { timeout: 8000 });
    expect(text(root(el).querySelector('[aria-live]'))).to.match(/is paid\.$/);
  });

  it('Download PDF: a Blob of application/pdf starting with %PDF, fetched with the token in a header, never in a URL', async () => {
    const { customer } = await pastDueCustomer();
    const el = await portal(await portalCode(customer));
    await click(el, 'Invoices');
    await waitUntil(() => root(el).querySelector('table.invoices'), 'no invoices', { timeout: 6000 });
    // The open invoice offers Pay now; every finalized one a PDF.
    const rows = Array.from(root(el).querySelectorAll('table.invoices tbody tr'));
    expect(rows.map((row) => buttons(row).map((b) => text(b).split(' ')[0] + (text(b).startsWith('Download') ? ' PDF' : '')))).to.deep.equal([
      ['Pay', 'View', 'Download PDF'],
      ['View', 'Download PDF'],
    ]);

    const blobs: Blob[] = [];
    const revoked: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    const clicked: HTMLAnchorElement[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return originalCreate(blob);
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      originalRevoke(url);
    };
    // Record the link instead of letting the browser save a file in the test run.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    const fetches = spyOnFetch();
    try {
      await click(el, 'Download PDF', rows[0]!);
      await waitUntil(() => clicked.length === 1, 'no download started', { timeout: 8000 });
      const blob = blobs[0]!;
      expect(blob.type).to.equal('application/pdf');
      expect(new TextDecoder().decode((await blob.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
      expect(clicked[0]!.href.startsWith('blob:')).to.equal(true);
      expect(clicked[0]!.download).to.match(/\.pdf$/);
      const pdfCall = fetches.calls.find((c) => c.url.pathname.endsWith('/pdf'))!;
      expect(pdfCall.authorization).to.match(/^Bearer \S+$/);
      const token = pdfCall.authorization!.slice('Bearer '.length);
      expect(fetches.calls.every((c) => !c.url.href.includes(token))).to.equal(true);
      expect(clicked[0]!.href.includes(token)).to.equal(false);
      await waitUntil(() => revoked.includes(clicked[0]!.href), 'the Blob URL was not revoked', { timeout: 4000 });
    } finally {
      fetches.restore();
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      HTMLAnchorElement.prototype.click = originalClick;
    }
  });
});
