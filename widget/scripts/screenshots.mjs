/*
 * Renders the pricing table from the built CDN bundle in headless Chromium, under a strict
 * Content-Security-Policy, and saves screenshots (light/dark, en/ro, desktop/mobile) so the
 * look can be reviewed. Usage: `node build.mjs && node scripts/screenshots.mjs [outDir]`.
 */
/* global document -- the page.evaluate callbacks run in the browser */
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { pricingResponse } from '../test/fixtures/pricing-fixtures.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? '/tmp/abona-shots';
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

const page = (theme, locale) => `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/page.css">
<script type="module" src="/widget/abona.js" data-publishable-key="pk_test_demo123" data-api-base="/api"></script>
</head><body class="${theme}"><main>
<h1>${locale === 'ro' ? 'Prețuri simple, pentru echipe de orice mărime' : 'Simple pricing for teams of every size'}</h1>
<abona-pricing-table theme="${theme}" locale="${locale}" country="RO">
  <p slot="social-proof">${locale === 'ro' ? 'Folosit de peste 2.000 de echipe din Europa' : 'Trusted by 2,000+ teams across Europe'}</p>
</abona-pricing-table></main></body></html>`;

const pageCss = `body{margin:0;font-family:system-ui,sans-serif;background:#f6f7fb;color:#0f172a}
body.dark{background:#0b1020;color:#e7ebf3}
main{max-width:1180px;margin:0 auto;padding:48px 24px}
h1{text-align:center;font-size:32px;letter-spacing:-.02em;margin:0 0 32px}`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/page.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(pageCss);
  if (url.pathname.startsWith('/widget/')) {
    const body = await readFile(`${root}dist/cdn/${url.pathname.slice(8)}`);
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
  }
  if (url.pathname === '/api/v1/pricing') {
    const quantities = {};
    for (const [k, v] of url.searchParams) if (/^quantity\[/.test(k)) quantities[k.slice(9, -1)] = Number(v);
    const { status, body } = pricingResponse({ currency: url.searchParams.get('currency') ?? undefined, country: url.searchParams.get('country') ?? undefined, quantities });
    return res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  const [, theme = 'light', locale = 'en'] = /^\/(\w+)\/(\w+)$/.exec(url.pathname) ?? [];
  res.writeHead(200, { 'content-type': 'text/html' }).end(page(theme, locale));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
await mkdir(outDir, { recursive: true });
const problems = [];
for (const [theme, locale, width, open] of [['light', 'en', 1240, false], ['dark', 'en', 1240, false], ['light', 'ro', 1240, true], ['dark', 'ro', 1240, false], ['light', 'en', 390, false]]) {
  const tab = await browser.newPage();
  tab.on('console', (m) => m.type() === 'error' && problems.push(`${theme}/${locale}: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`${theme}/${locale}: ${e.message}`));
  await tab.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  await tab.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await tab.goto(`http://127.0.0.1:${port}/${theme}/${locale}`, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(() => document.querySelector('abona-pricing-table')?.shadowRoot?.querySelector('article.card'));
  if (open) await tab.evaluate(() => document.querySelector('abona-pricing-table').shadowRoot.querySelector('.tiers-toggle')?.click());
  await new Promise((r) => setTimeout(r, 150));
  const file = `${outDir}/pricing-${theme}-${locale}-${width}.png`;
  await tab.screenshot({ path: file, fullPage: true });
  console.log(file);
  await tab.close();
}
await browser.close();
server.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
