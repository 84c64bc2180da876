/*
 * `npm run bench -w @abona/widget`: in headless Chromium, the time from a pricing response being
 * available in the page to the first complete render of a 3-plan <abona-pricing-table> (the
 * shipped dist bundle, talking to the real @abona/server app), next to the floor: a bare Lit
 * element rendering the same markup (a static copy of that table's shadow DOM, nested shadow
 * roots flattened in, same adopted stylesheets) in the same page. Both are timed to a committed
 * DOM with style and layout done. Interleaved iterations, in rounds: each round has its own
 * warm-up, a garbage collection before it, and its medians and their ratio; the figure reported
 * is the median of the rounds' ratios, with their spread, so that one noisy stretch on a loaded
 * machine (a GC, another process) moves one round rather than the result.
 *
 * Options: --rounds=N (default 5), --iterations=N per round (default 200), --check (exit 1 when
 * the ratio with layout exceeds the goal), --profile (unminified bundle, prints the functions
 * with the most self time).
 */
/* global window, customElements -- the page.evaluate callbacks run in the browser */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildCdn } from './build-cdn.mjs';
import { demoCatalog, startAbonaServer } from '../test/server/abona-server.mjs';

const goalRatio = 1.5;
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}`));
const iterations = Number(arg('iterations')?.split('=')[1] ?? 200);
const rounds = Number(arg('rounds')?.split('=')[1] ?? 5);
const warmup = 30;
const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();

// What ships, built from the current source; and the three plans of the server's demo catalog.
const profile = Boolean(arg('profile'));
// Outside dist/, so a publish never ships it.
const benchDir = 'node_modules/.cache/abona-cdn-bench';
await buildCdn(benchDir, profile ? { minify: false } : {});
const demo = await demoCatalog();
const api = await startAbonaServer({ products: demo.products.slice(0, 3) });

// The floor element: Lit and nothing else, rendering a fixed template it is handed.
const floor = await build({
  stdin: {
    contents: `import { LitElement, html } from 'lit';
      class BenchFloor extends LitElement {
        static properties = { strings: { attribute: false } };
        createRenderRoot() {
          const root = super.createRenderRoot();
          root.adoptedStyleSheets = window.benchSheets ?? [];
          return root;
        }
        render() { return html(this.strings); }
      }
      customElements.define('bench-floor', BenchFloor);`,
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/cdn/abona.js" data-publishable-key="pk_test_abona_demo" data-api-base="/api"></script>
<script type="module" src="/floor.js"></script>
<script type="module" src="/bench.js"></script>
</head><body><main id="stage" style="width:1100px"></main></body></html>`;

// Runs in the page. Returns [tableMs[], floorMs[]].
const benchJs = `
const stage = document.getElementById('stage');
const realFetch = window.fetch.bind(window);
let responseAt = 0;
// The moment the whole response is in the page: everything after it is the widget's work.
window.fetch = async (input, init) => {
  const response = await realFetch(input, init);
  const body = await response.text();
  responseAt = performance.now();
  return new Response(body, { status: response.status, headers: response.headers });
};
/** Waits for the element and the elements inside it to commit, then for style and layout: [commit, layout] instants. */
const settle = async (el) => {
  await el.updateComplete;
  const nested = [...el.shadowRoot.querySelectorAll('*')].filter((n) => n.updateComplete);
  await Promise.all(nested.map((n) => n.updateComplete));
  const committed = performance.now();
  document.body.offsetHeight; // style and layout, which the browser needs before it can paint
  return [committed, performance.now()];
};
async function tableOnce() {
  const el = document.createElement('abona-pricing-table');
  for (const [k, v] of Object.entries({ locale: 'en', country: 'RO', currency: 'EUR', theme: 'light' })) el.setAttribute(k, v);
  const loaded = new Promise((resolve) => el.addEventListener('abona-loaded', resolve, { once: true }));
  stage.append(el);
  document.body.offsetHeight; // the skeleton is laid out before the response, as on a real page
  await loaded;
  const [committed, laidOut] = await settle(el);
  return { el, ms: [committed - responseAt, laidOut - responseAt] };
}
async function floorOnce(strings) {
  const start = performance.now();
  const el = document.createElement('bench-floor');
  el.strings = strings;
  stage.append(el);
  const [committed, laidOut] = await settle(el);
  el.remove();
  document.body.offsetHeight;
  return [committed - start, laidOut - start];
}
/** The table's shadow DOM as one static template: nested shadow roots inlined, Lit markers dropped. */
function staticCopy(el) {
  const clone = document.createElement('div');
  for (const child of el.shadowRoot.childNodes) clone.append(child.cloneNode(true));
  const originals = [...el.shadowRoot.querySelectorAll('*')];
  const copies = [...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    if (!original.shadowRoot) return;
    const flat = document.createElement('div');
    flat.innerHTML = original.shadowRoot.innerHTML;
    copies[i].replaceWith(flat);
  });
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  const markup = clone.innerHTML;
  return Object.freeze(Object.assign([markup], { raw: [markup] }));
}
window.prepareBench = async () => {
  const first = await tableOnce();
  const cards = first.el.shadowRoot.querySelectorAll('article.card').length;
  window.benchSheets = first.el.shadowRoot.adoptedStyleSheets;
  window.benchStrings = staticCopy(first.el);
  const nodes = first.el.shadowRoot.querySelectorAll('*').length;
  first.el.remove();
  return { cards, nodes, isolated: self.crossOriginIsolated };
};
/** One round: a collection first (when the page may ask for one), then warm-up, then interleaved pairs. */
window.runRound = async (iterations, warmup) => {
  const strings = window.benchStrings;
  window.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const table = [];
  const floor = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const t = await tableOnce();
    t.el.remove();
    const f = await floorOnce(strings);
    document.body.offsetHeight;
    if (i >= warmup) { table.push(t.ms); floor.push(f); }
  }
  return { table, floor };
};
`;

const files = {
  '/': ['text/html', page],
  '/bench.js': ['text/javascript', benchJs],
  '/floor.js': ['text/javascript', floor.outputFiles[0].text],
};
const server = createServer(async (req, res) => {
  // Cross-origin isolation gives the page 5 µs timers instead of 100 µs.
  const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const url = new URL(req.url, 'http://localhost');
  try {
    if (url.pathname.startsWith('/api/')) {
      const response = await api.fetch(new Request(new URL(url.pathname.slice(4) + url.search, 'http://abona.test'), { headers: { authorization: req.headers.authorization ?? '' } }));
      res.writeHead(response.status, { ...headers, 'content-type': response.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
      return res.end(Buffer.from(await response.arrayBuffer()));
    }
    if (url.pathname.startsWith('/cdn/')) {
      const body = await readFile(`${root}${benchDir}/${url.pathname.slice(5).replace(/\.\./g, '')}`);
      return res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(body);
    }
    const file = files[url.pathname];
    if (url.pathname === '/favicon.ico') return res.writeHead(204, headers).end();
    if (!file) return res.writeHead(404, headers).end();
    return res.writeHead(200, { ...headers, 'content-type': file[0] }).end(file[1]);
  } catch (error) {
    return res.writeHead(500, headers).end(String(error));
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    // A steady page: no timer or renderer throttling, and window.gc() for a collection between rounds.
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows', '--js-flags=--expose-gc',
  ],
});
let result;
try {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  await tab.waitForFunction(() => typeof window.runRound === 'function' && customElements.get('abona-pricing-table') && customElements.get('bench-floor'));
  const cdp = profile ? await tab.createCDPSession() : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  }
  // No CPU throttling (the DevTools default, stated so a changed default cannot skew a run).
  const session = cdp ?? (await tab.createCDPSession());
  await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  result = { ...(await tab.evaluate(() => window.prepareBench())), rounds: [] };
  for (let r = 0; r < rounds; r++) result.rounds.push(await tab.evaluate((n, w) => window.runRound(n, w), iterations, warmup));
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
  if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  server.close();
  api.close();
}

/** Top functions by self time, for `--profile` (an unminified build keeps their names). */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
};
const median = (values) => quantile(values, 0.5);
const ms = (value) => `${value.toFixed(3).padStart(7)} ms`;
/** Per phase (0: DOM committed, 1: with style and layout): the median of each round's median. */
const medianOfRounds = (key, i) => median(result.rounds.map((round) => median(round[key].map((s) => s[i]))));
const row = (name, key) => `${name.padEnd(40)} ${ms(medianOfRounds(key, 0))}${''.padEnd(29)} ${ms(medianOfRounds(key, 1))}`;
/** Each round's ratio of medians at a phase; the reported ratio is their median. */
const roundRatios = (i) => result.rounds.map((round) => median(round.table.map((s) => s[i])) / median(round.floor.map((s) => s[i])));
const ratioAt = (i) => median(roundRatios(i));
const spread = (i) => `rounds ${roundRatios(i).map((r) => r.toFixed(2)).join(' ')}`;
const verdict = (ratio) => `${ratio.toFixed(2)} × ${ratio <= goalRatio ? '(goal met)' : '(goal NOT met)'}`;
console.log(`pricing table: ${result.cards} plans, ${result.nodes} shadow DOM elements; ${rounds} rounds of ${iterations} iterations after ${warmup} warm-up each, interleaved; timers ${result.isolated ? '5 µs (cross-origin isolated)' : '100 µs'}`);
console.log(`${''.padEnd(40)} ${'DOM committed (median of rounds)'.padEnd(36)} + style and layout (median of rounds)`);
console.log(row('<abona-pricing-table>, response → render', 'table'));
console.log(row('floor: bare Lit element, same markup', 'floor'));
// The goal is on the first render a person sees: the DOM committed with style and layout done.
// The script-only share (DOM committed) is printed beside it for what it tells about our code.
console.log(`ratio to the floor, first render with style and layout (goal ≤ ${goalRatio}): ${verdict(ratioAt(1))}  (${spread(1)})`);
console.log(`ratio to the floor, DOM committed alone (script only, no goal): ${ratioAt(0).toFixed(2)} ×  (${spread(0)})`);
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s in all`);
if (arg('check') && ratioAt(1) > goalRatio) process.exit(1);
