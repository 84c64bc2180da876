import 'axe-core/axe.min.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { PricingTable } from '../src/pricing/pricing-table.component.js';
import type { PricingInterval, PricingResponse } from '../src/pricing/pricing-response.js';

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}
interface Axe {
  run(context: Element, options: object): Promise<{ violations: AxeViolation[] }>;
}

/** Open modal dialogs inside `root`, looking through shadow roots. */
function openDialogs(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const node of Array.from(root.querySelectorAll('*'))) {
    if (node.localName === 'abona-dialog' && node.hasAttribute('open')) found.push(node);
    if (node.shadowRoot) found.push(...openDialogs(node.shadowRoot));
  }
  return found;
}

/**
 * Runs axe-core on an element (shadow DOM included) and fails with a readable list of violations.
 * While a modal dialog is open, the page behind its backdrop is dimmed on purpose: colour contrast
 * is then checked inside the dialog only, every other rule everywhere.
 */
export async function expectAccessible(element: Element): Promise<void> {
  const axe = (window as unknown as { axe: Axe }).axe;
  const dialogs = openDialogs(element.shadowRoot ?? element);
  const options = { resultTypes: ['violations'] };
  const violations: AxeViolation[] = [];
  // axe runs one at a time.
  if (dialogs.length === 0) violations.push(...(await axe.run(element, options)).violations);
  else {
    violations.push(...(await axe.run(element, { ...options, rules: { 'color-contrast': { enabled: false } } })).violations);
    for (const dialog of dialogs) violations.push(...(await axe.run(dialog, options)).violations);
  }
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  expect(summary, summary.join('\n')).to.deep.equal([]);
}

/** A recorded fetch call. */
export interface FetchCall {
  url: URL;
  authorization: string | null;
}

/** Records every fetch the page makes (and still performs it). Call `restore()` when done. */
export function spyOnFetch(): { calls: FetchCall[]; restore(): void } {
  const original = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    calls.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** Text with every kind of space (Intl uses narrow no-break spaces) folded into one plain space. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Waits until the table shows cards (or an error / empty state). */
export async function settled(el: PricingTable): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('article.card, .error-state, .empty'), 'pricing table did not settle', { timeout: 4000 });
  await el.updateComplete;
}

/** The card of a product, by its name. */
export function card(el: PricingTable, name: string): HTMLElement {
  const found = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('article.card')).find((c) => text(c.querySelector('.name')) === name);
  if (!found) throw new Error(`No card named ${name}`);
  return found;
}

/** The publishable key the real test server is seeded with (server/src/keys: demoKeys). */
export const demoKey = 'pk_test_abona_demo';

/** Ids the real server gave a test catalog, looked up by product name (ids are random per run). */
export interface CatalogIds {
  product(name: string): string;
  /** The product's price for an interval; `metered` picks its usage price. */
  price(name: string, interval: PricingInterval, usage?: 'licensed' | 'metered'): string;
}

/** Asks the real server behind `apiBase` for its catalog, for ids a test needs to name. */
export async function catalogIds(apiBase = '/api/main'): Promise<CatalogIds> {
  const response = await fetch(`${apiBase}/v1/pricing?currency=EUR&country=RO`, { headers: { Authorization: `Bearer ${demoKey}` } });
  const body = (await response.json()) as PricingResponse;
  const product = (name: string) => {
    const found = body.products.find((p) => p.name === name);
    if (!found) throw new Error(`No product named ${name} at ${apiBase}`);
    return found;
  };
  return {
    product: (name) => product(name).id,
    price: (name, interval, usage = 'licensed') => {
      const found = product(name).prices.find((p) => p.interval === interval && p.usage_type === usage);
      if (!found) throw new Error(`No ${usage} ${interval} price for ${name}`);
      return found.id;
    },
  };
}
