/*
 * Renders <abona-checkout> and <abona-wallet-button> against a real @abona/server (demo catalog,
 * in memory) in headless Chromium under a strict CSP, and saves screenshots of each state
 * (light/dark, en/ro, desktop/mobile) for review. Usage: `node scripts/checkout-screenshots.mjs [outDir]`.
 */
/* global document -- the page.evaluate callbacks run in the browser */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startAbonaServer } from '../test/server/abona-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? '/tmp/abona-shots';
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

const bundle = await build({
  absWorkingDir: root,
  entryPoints: ['src/checkout/checkout.ts', 'src/wallet/wallet-button.ts'],
  bundle: true,
  format: 'esm',
  write: false,
  outdir: '/out',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
});
const files = Object.fromEntries(bundle.outputFiles.map((f) => [f.path.replace('/out/', '/widget/'), f.text]));
const abona = await startAbonaServer('demo');
const pricing = await (await abona.fetch(new Request('http://x/v1/pricing?currency=EUR&country=RO', { headers: { Authorization: 'Bearer pk_test_abona_demo' } }))).json();
const priceOf = (name) => pricing.products.find((p) => p.name === name).prices.find((p) => p.interval === 'month').id;

const page = (theme, locale, price) => `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/page.css">
<script type="module" src="/widget/checkout/checkout.js"></script>
<script type="module" src="/widget/wallet/wallet-button.js"></script>
</head><body class="${theme}"><main>
<abona-wallet-button publishable-key="pk_test_abona_demo" api-base="/api" theme="${theme}" locale="${locale}" country="RO" price="${price}"></abona-wallet-button>
<abona-checkout publishable-key="pk_test_abona_demo" api-base="/api" theme="${theme}" locale="${locale}" country="RO" price="${price}" success-url="https://example.com/welcome"></abona-checkout>
</main></body></html>`;

const pageCss = `body{margin:0;font-family:system-ui,sans-serif;background:#f6f7fb;color:#0f172a}
body.dark{background:#0b1020;color:#e7ebf3}
main{max-width:980px;margin:0 auto;padding:32px 20px;display:grid;gap:20px}
abona-wallet-button{max-width:360px}`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/page.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(pageCss);
  if (files[url.pathname]) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(files[url.pathname]);
  if (url.pathname.startsWith('/api/')) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const response = await abona.fetch(
      new Request(`http://x${url.pathname.slice(4)}${url.search}`, { method: req.method, headers: req.headers, body: req.method === 'GET' ? undefined : Buffer.concat(chunks) }),
    );
    return res.writeHead(response.status, { 'content-type': 'application/json' }).end(Buffer.from(await response.arrayBuffer()));
  }
  const [, theme = 'light', locale = 'en', plan = 'Basic'] = /^\/(\w+)\/(\w+)\/(\w+)$/.exec(url.pathname) ?? [];
  res.writeHead(200, { 'content-type': 'text/html' }).end(page(theme, locale, priceOf(plan)));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
await mkdir(outDir, { recursive: true });
const problems = [];
const shots = [
  // theme, locale, width, plan, what to do before the shot
  ['light', 'en', 1100, 'Basic', 'form'],
  ['dark', 'en', 1100, 'Basic', 'business'],
  ['light', 'ro', 1100, 'Pro', 'form'],
  ['dark', 'ro', 1100, 'Basic', 'decline'],
  ['light', 'en', 390, 'Basic', 'form'],
  ['light', 'en', 390, 'Basic', 'summary'],
  ['light', 'en', 1100, 'Basic', '3ds'],
  ['light', 'en', 1100, 'Basic', 'success'],
  ['dark', 'ro', 390, 'Pro', 'success'],
  ['light', 'en', 1100, 'Basic', 'wallet'],
  ['light', 'en', 1100, 'Basic', 'bank'],
];
for (const [theme, locale, width, plan, step] of shots) {
  const tab = await browser.newPage();
  tab.on('console', (m) => m.type() === 'error' && problems.push(`${theme}/${locale}/${step}: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`${theme}/${locale}/${step}: ${e.message}`));
  await tab.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await tab.goto(`http://127.0.0.1:${port}/${theme}/${locale}/${plan}`, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(() => document.querySelector('abona-checkout')?.shadowRoot?.querySelector('form.form'));
  const fill = async (field, value) =>
    tab.evaluate(
      (f, v) => {
        const input = document.querySelector('abona-checkout').shadowRoot.querySelector(`[name="${f}"]`);
        input.value = v;
        input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      },
      field,
      value,
    );
  const click = (selector) => tab.evaluate((s) => document.querySelector('abona-checkout').shadowRoot.querySelector(s).click(), selector);
  const card = (last4) => tab.evaluate((l) => [...document.querySelector('abona-checkout').shadowRoot.querySelectorAll('.chip')].find((b) => b.textContent.includes(l)).click(), last4);
  await fill('email', 'ana@example.ro');
  await fill('name', 'Ana Pop');
  if (step === 'business') {
    await tab.evaluate(() => document.querySelector('abona-checkout').shadowRoot.querySelector('.switch input').click());
    await new Promise((r) => setTimeout(r, 50));
    await fill('country', 'DE');
    await fill('business_name', 'Muster GmbH');
    await fill('tax_id', 'DE136695976');
    await click('.promo-add');
  }
  if (step === 'summary') await click('.summary-toggle');
  if (['decline', '3ds', 'success'].includes(step)) {
    await card({ decline: '0002', '3ds': '3155', success: '4242' }[step]);
    await new Promise((r) => setTimeout(r, 50));
    await click('button[type="submit"]');
  }
  if (step === 'wallet' || step === 'bank') {
    await tab.evaluate((v) => {
      const control = document.querySelector('abona-checkout').shadowRoot.querySelector('abona-segmented-control');
      [...control.shadowRoot.querySelectorAll('[role="radio"]')][v === 'wallet' ? 1 : 2].click();
    }, step);
    await new Promise((r) => setTimeout(r, 50));
    if (step === 'wallet') await click('button[type="submit"]');
  }
  await new Promise((r) => setTimeout(r, 900));
  const file = `${outDir}/checkout-${step}-${theme}-${locale}-${width}.png`;
  // Top-layer dialogs do not survive a full-page capture: shoot the viewport when one is open.
  await tab.screenshot({ path: file, fullPage: !['3ds', 'wallet'].includes(step) });
  console.log(file);
  await tab.close();
}
await browser.close();
server.close();
abona.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
