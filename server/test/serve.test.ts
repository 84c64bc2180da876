import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/index.js';
import { storeMailer } from '../src/email/transports.js';
import { startServer } from '../src/serve.js';

const dir = mkdtempSync(join(tmpdir(), 'abona-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startServer', () => {
  it('serves the API and the extra routes, runs background work, and shuts down cleanly', async () => {
    const server = await startServer({
      config: { ...defaultConfig, port: 0, databaseUrl: `file:${join(dir, 'serve.db')}` },
      seedDemo: true,
      log: () => {},
      mailer: storeMailer(),
      routes: (app) => app.get('/extra', (c) => c.text('extra')),
    });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await (await fetch(`${server.url}/extra`)).text()).toBe('extra');
    const prices = await fetch(`${server.url}/v1/prices?limit=1`, { headers: { authorization: 'Bearer pk_test_abona_demo' } });
    expect(prices.status).toBe(200);
    // close() waits for the scheduler and the outbox worker before closing the database.
    await server.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
