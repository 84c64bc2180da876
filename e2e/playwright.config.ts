import { defineConfig } from '@playwright/test';

/** Where the journeys find the showcase: the server `npm start` runs, on its own port. */
const port = 4173;

/*
 * End-to-end journeys in Debian's Chromium (nothing downloads a browser) against the server
 * `npm start` runs, built by turbo's ^build before this task. The list reporter stays: CI totals
 * parse its closing "N passed" line.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Whole journeys (checkout, then the API, then the portal) on a machine busy with other suites.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    colorScheme: 'light',
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // A fresh temp-file database per run, then scripts/start.mjs as `npm start` runs it.
    command: 'node serve.mjs',
    url: `http://127.0.0.1:${port}/health`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets start.mjs close the database and serve.mjs remove its temp dir.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
