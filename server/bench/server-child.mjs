/**
 * One server of the HTTP benchmark (http.bench.ts), in a process of its own so its CPU and memory
 * are its own. Plain JavaScript run by plain `node`, importing the built server (`dist/`, which
 * `npm run bench` builds first): measured as `npm start` and `abona serve` run it. Under the tsx
 * loader the same server carried ~50 MB of the loader's own memory, which no deployment has.
 *
 *   node bench/server-child.mjs app|bare <database url>
 *
 * Protocol (IPC with the parent): sends `{type:'ready', port}`; on `mark` resets its CPU baseline
 * and answers `marked`; on `report` answers `{type:'report', cpuMicros, maxRssKb}`; on `exit`
 * exits cleanly (so `--cpu-prof` writes its profile).
 */
const [kind, dbUrl] = process.argv.slice(2);

/** @returns {Promise<number>} the port the bare Hono floor listens on */
async function startBare() {
  const { Hono } = await import('hono');
  const { serve } = await import('@hono/node-server');
  const app = new Hono().get('/', (c) => c.json({ object: 'pong', ok: true, time: 1767225600000 }));
  return new Promise((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
}

/** @returns {Promise<number>} the port the app (built server, demo catalog seeded) listens on */
async function startApp() {
  const { defaultConfig, silentLogger, startServer } = await import('../dist/index.js');
  const server = await startServer({
    // The rate limit would be the thing measured otherwise.
    config: { ...defaultConfig, port: 0, databaseUrl: dbUrl, mode: 'test', rateLimit: { max: 1_000_000_000, windowMs: 1000 } },
    log: silentLogger,
    seedDemo: true,
  });
  return Number(new URL(server.url).port);
}

const port = kind === 'bare' ? await startBare() : await startApp();
let baseline = process.cpuUsage();
process.on('message', (message) => {
  if (message.type === 'mark') {
    baseline = process.cpuUsage();
    process.send({ type: 'marked' });
  } else if (message.type === 'exit') {
    process.exit(0);
  } else {
    const used = process.cpuUsage(baseline);
    process.send({ type: 'report', cpuMicros: used.user + used.system, maxRssKb: process.resourceUsage().maxRSS });
  }
});
process.send({ type: 'ready', port });
