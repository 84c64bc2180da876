import { expect } from '@open-wc/testing';
import type { ReadableAtom } from 'nanostores';
import { $config } from '../src/config/config.js';
import '../src/checkout/checkout.js';
import '../src/portal/portal.js';
import '../src/pricing/pricing-table.js';
import '../src/wallet/wallet-button.js';
import { catalogIds, demoKey, type CatalogIds } from './helpers.js';

/*
 * "Adding and removing the elements 1,000 times leaks no listeners or stores" (issue #6). Each
 * element is added to the document and removed 1,000 times. Every 40th mount waits until the
 * element shows its data (a full round trip through the real server); the others are removed
 * right after their first render, while their requests are still in flight, which is where
 * leaks hide: nothing they started may outlive them. Afterwards nothing may have accumulated:
 * listeners on window / document / media queries, nanostores listeners, timers, pending
 * requests, and the heap after a forced GC.
 */
const api = '/api/demo';
const secretKey = 'sk_test_abona_demo';
const mounts = 1000;
/** One mount in this many waits for the data; the rest leave mid-request. */
const fullEvery = 40;
/** How much the heap may grow over the measured mounts, after a forced GC. */
const heapBoundBytes = 2 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Instruments, installed once: they record, and still do what they wrap.

interface Registration {
  target: string;
  type: string;
  listener: unknown;
  capture: boolean;
}
const registrations: Registration[] = [];
const capture = (options: unknown) => (typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture));

/** Counts add/remove of listeners on `target` (name it for the report). */
function instrument(target: EventTarget, name: string): void {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    const entry = { target: name, type, listener, capture: capture(options) };
    if (listener && !registrations.some((r) => r.target === name && r.type === type && r.listener === listener && r.capture === entry.capture)) registrations.push(entry);
    add(type, listener, options);
  };
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
    const index = registrations.findIndex((r) => r.target === name && r.type === type && r.listener === listener && r.capture === capture(options));
    if (index >= 0) registrations.splice(index, 1);
    remove(type, listener, options);
  };
}

instrument(window, 'window');
instrument(document, 'document');
const originalMatchMedia = window.matchMedia.bind(window);
window.matchMedia = (query: string) => {
  const list = originalMatchMedia(query);
  instrument(list, `matchMedia(${query})`);
  // The legacy API registers "change" listeners too.
  list.addListener = (listener) => list.addEventListener('change', listener as EventListener);
  list.removeListener = (listener) => list.removeEventListener('change', listener as EventListener);
  return list;
};

const intervals = new Set<number>();
const originalSetInterval = window.setInterval.bind(window);
const originalClearInterval = window.clearInterval.bind(window);
window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = originalSetInterval(handler, ms, ...args);
  intervals.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) intervals.delete(id);
  originalClearInterval(id);
}) as typeof window.clearInterval;

/** Timeouts set and neither fired nor cleared yet. */
const timeouts = new Map<number, string>();
const originalSetTimeout = window.setTimeout.bind(window);
const originalClearTimeout = window.clearTimeout.bind(window);
window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id: number = originalSetTimeout(
    (...a: unknown[]) => {
      timeouts.delete(id);
      if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
    },
    ms,
    ...args,
  );
  timeouts.set(id, `${ms ?? 0} ms ${new Error().stack?.split('\n').slice(2, 5).join(' ← ') ?? ''}`);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) timeouts.delete(id);
  originalClearTimeout(id);
}) as typeof window.clearTimeout;

interface Tracked {
  url: string;
  signal: AbortSignal | undefined;
  settled: boolean;
}
/** Requests not answered (or failed) yet, and how many were ever started. */
const open = new Set<Tracked>();
let started = 0;
/** Collects the requests of the mount under way. */
let collecting: Tracked[] | undefined;
const originalFetch = window.fetch.bind(window);
/**
 * The catalog and the new checkout session are asked of the real server once per distinct
 * request, then answered from memory: the server is not what this test measures (it would
 * otherwise create 1,000 sessions, most of them for requests the widget already aborted).
 */
const answers = new Map<string, Promise<{ status: number; body: string }>>();
/** Portal codes minted ahead, handed out by the fake vendor session endpoint below. */
const codes: string[] = [];
const sessionEndpoint = '/leaks/portal-session';

window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
  const signal = init?.signal ?? undefined;
  const record: Tracked = { url: url.pathname, signal, settled: false };
  open.add(record);
  started++;
  collecting?.push(record);
  let answer: Promise<Response>;
  if (url.pathname === sessionEndpoint) {
    answer = Promise.resolve(new Response(JSON.stringify({ code: codes.pop() }), { headers: { 'content-type': 'application/json' } }));
  } else if ((url.pathname.endsWith('/v1/pricing') && (init?.method ?? 'GET') === 'GET') || (url.pathname.endsWith('/v1/checkout_sessions') && init?.method === 'POST')) {
    const key = `${init?.method ?? 'GET'} ${url.href} ${String(init?.body ?? '')}`;
    let cached = answers.get(key);
    if (!cached) {
      cached = originalFetch(url, { method: init?.method ?? 'GET', headers: init?.headers ?? {}, body: init?.body ?? null }).then(async (r) => ({ status: r.status, body: await r.text() }));
      answers.set(key, cached);
    }
    answer = new Promise((resolve, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort);
      // Answer on a later task, as the network would, so removals can overtake it.
      void nextTask().then(() => cached.then((c) => resolve(new Response(c.body, { status: c.status, headers: { 'content-type': 'application/json' } }))));
    });
  } else {
    answer = originalFetch(input, init);
  }
  return answer.finally(() => {
    record.settled = true;
    open.delete(record);
  });
};

/** Chromium's heap size (exact with --enable-precise-memory-info). */
const memory = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
/** Chromium's collector, exposed by --js-flags=--expose-gc (widget/web-test-runner.config.mjs). */
const gc = (globalThis as { gc?: () => void }).gc;

// ---------------------------------------------------------------------------------------------

let ids: CatalogIds;

async function vendor<T>(path: string, body: unknown): Promise<T> {
  const response = await originalFetch(`${api}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(json)}`);
  return json;
}

/** A customer with a Basic subscription, through a real checkout paid with the sandbox card. */
async function customer(): Promise<string> {
  const session = await vendor<{ id: string }>('/v1/checkout_sessions', { line_items: [{ price: ids.price('Basic', 'month') }], email: 'leaks@example.ro', customer_details: { address: { country: 'RO' } } });
  const done = await vendor<{ customer: string }>(`/v1/checkout_sessions/${session.id}/confirm`, { payment_method: { card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' } } });
  return done.customer;
}

interface Case {
  tag: string;
  attrs: () => Record<string, string>;
  /** True once the element shows its data. */
  rendered: (root: ShadowRoot) => boolean;
  /** The element's own stores (reached through its private fields: a test-only look). */
  stores: (el: HTMLElement) => ReadableAtom<unknown>[];
}

type Internals = Record<string, unknown>;
const field = (owner: unknown, name: string) => (owner as Internals | undefined)?.[name];

const cases: Case[] = [
  {
    tag: 'abona-pricing-table',
    attrs: () => ({ currency: 'EUR', country: 'RO' }),
    rendered: (root) => root.querySelector('article.card') !== null,
    stores: (el) => [field(field(el, 'store'), '$state') as ReadableAtom<unknown>],
  },
  {
    tag: 'abona-checkout',
    attrs: () => ({ price: ids.price('Basic', 'month'), country: 'RO', email: 'leaks@example.ro' }),
    rendered: (root) => root.querySelector('form.form .submit') !== null && root.querySelector('.summary .total') !== null,
    stores: (el) => [field(field(el, 'store'), '$checkout') as ReadableAtom<unknown>],
  },
  {
    tag: 'abona-wallet-button',
    attrs: () => ({ price: ids.price('Basic', 'month'), country: 'RO', email: 'leaks@example.ro' }),
    rendered: (root) => root.querySelector('button.wallet') !== null,
    stores: (el) => {
      const store = field(field(el, 'view'), 'store');
      return store ? [field(store, '$checkout') as ReadableAtom<unknown>] : [];
    },
  },
  {
    tag: 'abona-portal',
    attrs: () => ({ 'session-endpoint': sessionEndpoint }),
    rendered: (root) => root.querySelector('[part~="subscription"]') !== null,
    stores: (el) => {
      const store = field(field(el, 'view'), 'store') as { overview: { $state: ReadableAtom<unknown> }; invoices: { $state: ReadableAtom<unknown> }; $ui: ReadableAtom<unknown> } | undefined;
      return store ? [store.overview.$state, store.invoices.$state, store.$ui] : [];
    },
  },
];

const listenerCount = (store: ReadableAtom<unknown>) => (store as unknown as { lc: number }).lc;

/** Resolves on the next task (a message, which unlike a nested timeout is not clamped to 4 ms). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** Polls `done` on untracked timers (waitUntil leaves its own timeout pending, which would count). */
async function until(done: () => boolean, message: string, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) throw new Error(message);
    await new Promise((resolve) => originalSetTimeout(resolve, 5));
  }
}

async function settle(): Promise<void> {
  await new Promise((resolve) => originalSetTimeout(resolve, 50));
}

async function heap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await settle();
  }
  return memory();
}

/** Mounts, optionally waits for data, removes; returns the element for the post-mortem. */
async function mountOnce(c: Case, full: boolean, host: HTMLElement): Promise<HTMLElement> {
  const el = document.createElement(c.tag) as HTMLElement & { updateComplete: Promise<boolean> };
  el.setAttribute('publishable-key', demoKey);
  el.setAttribute('api-base', api);
  el.setAttribute('locale', 'en');
  el.setAttribute('theme', 'auto');
  for (const [name, value] of Object.entries(c.attrs())) el.setAttribute(name, value);
  const mine: Tracked[] = (collecting = []);
  host.append(el);
  await el.updateComplete;
  if (full) await until(() => c.rendered(el.shadowRoot!), `${c.tag} did not render its data`);
  el.remove();
  collecting = undefined;
  // Whatever this mount started and had not finished must be aborted with the removal…
  const running = mine.filter((r) => !r.settled && !r.signal?.aborted);
  expect(running.map((r) => r.url), `${c.tag}: requests still running after removal`).to.deep.equal([]);
  // …and a removed element starts nothing new (a chunk or answer arriving late).
  const count = started;
  await nextTask();
  expect(started - count, `${c.tag}: requests started after removal`).to.equal(0);
  return el;
}

describe('adding and removing the elements 1,000 times', function () {
  this.timeout(120_000);
  let host: HTMLElement;

  before(async () => {
    expect(typeof gc, 'Chromium must run with --js-flags=--expose-gc').to.equal('function');
    ids = await catalogIds(api);
    const id = await customer();
    // Codes for every full portal render (and a spare for the warm-up), minted as a vendor's backend does.
    const needed = Math.ceil(mounts / fullEvery) + 5;
    for (let i = 0; i < needed; i++) codes.push((await vendor<{ code: string }>('/v1/portal_sessions', { customer: id })).code);
    host = document.createElement('div');
    document.body.append(host);
  });

  after(() => host.remove());

  for (const c of cases) {
    it(`<${c.tag}> leaks no listeners, stores, timers, requests or memory`, async () => {
      const t0 = performance.now();
      // Warm-up: chunks, catalogs and caches that load once per page are not leaks.
      await mountOnce(c, true, host);
      await settle();
      const listenersBefore = registrations.length;
      const configBefore = listenerCount($config);
      const intervalsBefore = intervals.size;
      // The test framework's own timeouts (this test's time limit) are pending throughout.
      const timeoutsBefore = timeouts.size;
      const heapBefore = await heap();
      const removed: HTMLElement[] = [];
      for (let i = 1; i < mounts; i++) {
        const el = await mountOnce(c, i % fullEvery === 0, host);
        // Keep a sample to inspect their stores afterwards (holding all 1,000 would skew the heap).
        if (i % 100 === 0 || i % fullEvery === 0) removed.push(el);
      }
      await settle();
      await until(() => open.size === 0, 'requests never settled');

      const leftover = registrations.slice(listenersBefore).map((r) => `${r.target} ${r.type}`);
      expect(leftover, 'listeners on window/document/matchMedia').to.deep.equal([]);
      expect(listenerCount($config), '$config listeners').to.equal(configBefore);
      for (const el of removed) for (const store of c.stores(el)) expect(listenerCount(store), `${c.tag} store listeners after removal`).to.equal(0);
      expect(c.stores(removed[removed.length - 1]!).length, `${c.tag}: the test reaches its stores`).to.be.greaterThan(0);
      expect(intervals.size, 'intervals left running').to.equal(intervalsBefore);
      expect(timeouts.size, `timeouts left pending: ${[...timeouts.values()].join('\n')}`).to.be.at.most(timeoutsBefore);
      removed.length = 0;
      const grown = (await heap()) - heapBefore;
      console.log(`${c.tag}: ${mounts} mounts in ${Math.round(performance.now() - t0)} ms, heap +${grown} bytes`);
      expect(grown, `${c.tag}: heap grew by ${grown} bytes`).to.be.lessThan(heapBoundBytes);
    });
  }
});
