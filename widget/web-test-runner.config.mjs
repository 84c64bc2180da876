import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { pricingMiddleware } from './test/fixtures/pricing-middleware.mjs';
import { abonaServer } from './test/server/abona-server.mjs';
import { cdnBundles } from './test/server/cdn-bundles.mjs';

/*
 * Browser tests in the Debian Chromium against the real server: the built @abona/server app on
 * in-memory libSQL, mounted under this dev server's origin at /api/<catalog> (no CORS). The
 * fixture middleware (/fixture) only answers what a real server never does.
 */
const abona = abonaServer({ mount: '/api' });
// The shipped bundles, freshly built and served untouched at /cdn (SRI and IIFE tests).
const cdn = cdnBundles({ mount: '/cdn' });

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  // The production condition loads Lit without its dev-mode banner, as the bundles do.
  nodeResolve: { exportConditions: ['production'] },
  port: 8101,
  concurrency: 1,
  middleware: [abona.middleware, cdn.middleware, pricingMiddleware],
  plugins: [
    abona.plugin,
    cdn.plugin,
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        // Reduced motion: axe's contrast checks must not sample a dialog mid-fade. The leak test
        // (test/leaks.test.ts) forces GC with gc() and reads the exact heap size.
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--force-prefers-reduced-motion', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
    }),
  ],
  // nanostores reads process.env.NODE_ENV; browsers have no `process`. The CSP forbids inline
  // styles so tests catch any style="" attribute (widgets must work under a strict policy).
  testRunnerHtml: (framework) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="style-src 'self'">
    <script>window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.sample));</script></head><body>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    <script type="module" src="${framework}"></script></body></html>`,
  // Generous: CI shares two cores between Chromium, the in-process server and the build.
  testFramework: { config: { timeout: 20000 } },
};
