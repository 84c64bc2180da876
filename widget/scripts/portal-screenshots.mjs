/*
 * Renders <abona-portal> from a fresh CDN build in headless Chromium, under a strict
 * Content-Security-Policy, against the real server (demo catalog, in memory), and saves
 * screenshots of its views (light/dark, en/ro, desktop/mobile) for review.
 * Usage: `node scripts/portal-screenshots.mjs [outDir]` (needs the built @abona/server).
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir, readFile, rm } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { shippedBundles } from './bundles.mjs';
import { startAbonaServer } from '../test/server/abona-server.mjs';

const outDir = process.argv[2] ?? '/tmp/abona-portal-shots';
const cdnDir = '/tmp/abona-portal-shots-cdn';
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

await rm(cdnDir, { recursive: true, force: true });
await build({ ...shippedBundles[0], outdir: cdnDir, sourcemap: false });
const app = await startAbonaServer('demo');

async function call(method, path, body) {
  const response = await app.fetch(new Request(`http://abona.test${path}`, { method, headers: { Authorization: 'Bearer sk_test_abona_demo', 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }));
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}
const pricing = await (await app.fetch(new Request('http://abona.test/v1/pricing?currency=EUR&country=RO&products=basic,pro,api_calls', { headers: { Authorization: 'Bearer pk_test_abona_demo' } }))).json();
const price = (name, usage = 'licensed') => pricing.products.find((p) => p.name === name).prices.find((p) => p.interval === 'month' && p.usage_type === usage).id;
const session = await call('POST', '/v1/checkout_sessions', {
  line_items: [{ price: price('Basic'), quantity: 1 }, { price: price('API calls', 'metered') }],
  email: 'ana@example.ro',
  customer_details: { name: 'Ana Pop', address: { country: 'RO' } },
});
const done = await call('POST', `/v1/checkout_sessions/${session.id}/confirm`, { payment_method: { card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' } } });
await call('POST', '/v1/usage_events', { event_id: 'shots-1', subscription: done.subscription, price: price('API calls', 'metered'), quantity: 7312 });

const page = (theme, locale, code) => `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/page.css">
<script type="module" src="/widget/abona.js" data-publishable-key="pk_test_abona_demo" data-api-base="/api"></script>
</head><body class="${theme}"><main><abona-portal theme="${theme}" locale="${locale}" session="${code}"></abona-portal></main></body></html>`;
const pageCss = `body{margin:0;font-family:system-ui,sans-serif;background:#f6f7fb;color:#0f172a}
body.dark{background:#0b1020}main{max-width:860px;margin:0 auto;padding:40px 20px}`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/page.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(pageCss);
  if (url.pathname.startsWith('/widget/')) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(`${cdnDir}/${url.pathname.slice(8)}`));
  if (url.pathname.startsWith('/api/')) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const answer = await app.fetch(new Request(`http://abona.test${url.pathname.slice(4)}${url.search}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }));
    return res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  }
  const [, theme = 'light', locale = 'en'] = /^\/(\w+)\/(\w+)$/.exec(url.pathname) ?? [];
  const { code } = await call('POST', '/v1/portal_sessions', { customer: done.customer });
  res.writeHead(200, { 'content-type': 'text/html' }).end(page(theme, locale, code));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
await mkdir(outDir, { recursive: true });
const problems = [];
const inPortal = (selector) => `document.querySelector('abona-portal').shadowRoot.querySelector(${JSON.stringify(selector)})`;
const clickText = (label) => `[...document.querySelector('abona-portal').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(label)})).click()`;
const shots = [
  ['light', 'en', 1000, 'overview', []],
  ['dark', 'en', 1000, 'overview', []],
  ['light', 'ro', 1000, 'overview', []],
  ['dark', 'ro', 1000, 'overview', []],
  ['light', 'en', 1000, 'review', [clickText('Change plan'), 'WAIT_TABLE', 'PICK_PRO']],
  ['dark', 'ro', 1000, 'cancel', [clickText('Anulează abonamentul')]],
  ['light', 'en', 1000, 'usage', [clickText('Usage')]],
  ['dark', 'en', 1000, 'invoices', [clickText('Invoices')]],
  ['light', 'ro', 1000, 'details', [clickText('Date de facturare')]],
  ['light', 'en', 390, 'overview-mobile', []],
];
for (const [theme, locale, width, name, steps] of shots) {
  const tab = await browser.newPage();
  tab.on('console', (m) => m.type() === 'error' && problems.push(`${name}/${theme}/${locale}: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`${name}/${theme}/${locale}: ${e.message}`));
  await tab.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await tab.goto(`http://127.0.0.1:${port}/${theme}/${locale}`);
  await tab.waitForFunction(`${inPortal('article.subscription')} !== null`, { timeout: 10000 });
  for (const step of steps) {
    if (step === 'WAIT_TABLE') {
      await tab.waitForFunction(`${inPortal('abona-pricing-table')}?.shadowRoot?.querySelector('article.card') != null`, { timeout: 10000 });
    } else if (step === 'PICK_PRO') {
      await tab.evaluate(`[...${inPortal('abona-pricing-table')}.shadowRoot.querySelectorAll('article.card')].find((c) => c.querySelector('.name').textContent.trim() === 'Pro').querySelector('.cta').click()`);
      await tab.waitForFunction(`${inPortal('[part="review"] .lines')} !== null`, { timeout: 10000 });
    } else {
      await tab.evaluate(step);
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await tab.screenshot({ path: `${outDir}/portal-${name}-${theme}-${locale}-${width}.png`, fullPage: true });
  await tab.close();
}
await browser.close();
server.close();
app.close();
console.log(problems.length ? problems.join('\n') : `screenshots in ${outDir}`);
if (problems.length) process.exitCode = 1;
