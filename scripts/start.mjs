// `npm start`: run after `turbo run build`. Serves the built server (server/dist) in test mode
// with the embedded database at ./data/abona.db: migrates, seeds the demo catalog and the demo
// keys, prints the URL and keys. Static demo files are served from ./demo when it exists
// (ABONA_STATIC_DIR overrides), otherwise a placeholder page answers at /.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeOnSignals, ConfigError, loadConfig, startServer } from '@abona/server';
import { demoDir, mountDemo, widgetDir } from '../demo/server/handlers.mjs';

const root = resolve(import.meta.dirname, '..');

let config;
try {
  config = loadConfig({
    ...process.env,
    // The demo is test mode only: live keys are refused.
    ABONA_MODE: 'test',
    DATABASE_URL: process.env.DATABASE_URL ?? `file:${resolve(root, 'data/abona.db')}`,
    ...(!process.env.ABONA_STATIC_DIR ? { ABONA_STATIC_DIR: demoDir } : {}),
  });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`abona: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const quiet = () => {};
if (!existsSync(widgetDir)) console.warn('abona: widget/dist/cdn is missing; run `npm run build` first.');
const server = await startServer({
  config,
  seedDemo: true,
  log: process.env.ABONA_LOG === '1' ? undefined : quiet,
  routes: (app) => mountDemo(app),
});
const report = server.seedReport;
console.log(`
  Abona is running in test mode at ${server.url}

  Showcase         ${server.url}/   (pricing table, checkout, wallet button, customer portal)
  Widget bundle    ${server.url}/widget/abona.js · /widget/abona.iife.js · /widget/manifest.json (SRI)
  Publishable key  pk_test_abona_demo   (browser: catalog and checkout)
  Secret key       sk_test_abona_demo   (backend: everything)
  Database         ${config.databaseUrl}
  Demo catalog     ${report ? `${report.created.length} created, ${report.updated.length + report.replaced.length} updated, ${report.unchanged.length} unchanged` : 'not seeded'}
  Static files     ${config.staticDir ?? '(none: placeholder page at /)'}

  Try: curl -H "Authorization: Bearer pk_test_abona_demo" ${server.url}/v1/prices
  Stop with Ctrl+C. Set ABONA_LOG=1 for JSON request logs.
`);
closeOnSignals(server, quiet);
