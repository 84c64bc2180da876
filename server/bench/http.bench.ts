/**
 * HTTP benchmark: the real app (file database seeded with the demo catalog) next to a bare Hono
 * app answering a small JSON object, each in its own child process so its CPU and memory are its
 * own. A fixed number of requests stay in flight over keep-alive connections for a fixed time;
 * the child reports `process.cpuUsage()` over the measured window and its peak RSS.
 *
 * Goals: `GET /v1/pricing` ≥ 0.5 × the floor's requests/s, `POST /v1/invoices/preview` ≥ 0.2 ×,
 * peak RSS ≤ 200 MB.
 *
 *   npm run bench -w @abona/server            # BENCH_SECONDS=5 BENCH_CONCURRENCY=32
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type ChildKind = 'app' | 'bare';
type ToChild = { type: 'mark' } | { type: 'report' };
type FromChild =
  | { type: 'ready'; port: number }
  | { type: 'marked' }
  | { type: 'report'; cpuMicros: number; maxRssKb: number };

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECRET_KEY = 'sk_test_abona_demo';
const PUBLISHABLE_KEY = 'pk_test_abona_demo';

// ---------------------------------------------------------------- child side

async function runChild(kind: ChildKind, dbUrl: string): Promise<void> {
  const send = (message: FromChild) => process.send?.(message);
  let port: number;
  if (kind === 'bare') {
    const { Hono } = await import('hono');
    const { serve } = await import('@hono/node-server');
    const app = new Hono().get('/', (c) => c.json({ object: 'pong', ok: true, time: 1767225600000 }));
    port = await new Promise<number>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
      void server;
    });
  } else {
    const { startServer } = await import('../src/serve.js');
    const { defaultConfig } = await import('../src/config/index.js');
    const { silentLogger } = await import('../src/http/log.js');
    const server = await startServer({
      // The rate limit would be the thing measured otherwise.
      config: {
        ...defaultConfig,
        port: 0,
        databaseUrl: dbUrl,
        mode: 'test',
        rateLimit: { max: 1_000_000_000, windowMs: 1000 },
      },
      log: silentLogger,
      seedDemo: true,
    });
    port = Number(new URL(server.url).port);
  }
  let baseline = process.cpuUsage();
  process.on('message', (message: ToChild) => {
    if (message.type === 'mark') {
      baseline = process.cpuUsage();
      send({ type: 'marked' });
    } else {
      const used = process.cpuUsage(baseline);
      send({ type: 'report', cpuMicros: used.user + used.system, maxRssKb: process.resourceUsage().maxRSS });
    }
  });
  send({ type: 'ready', port });
}

// ---------------------------------------------------------------- parent side

function startChild(kind: ChildKind, dbUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--child', kind, dbUrl], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.on('message', (message: FromChild) => {
      if (message.type === 'ready') resolve({ child, port: message.port });
    });
  });
}

function ask<T extends FromChild['type']>(
  child: ChildProcess,
  message: ToChild,
  answer: T,
): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (reply: FromChild) => {
      if (reply.type !== answer) return;
      child.off('message', onMessage);
      resolve(reply as Extract<FromChild, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

interface Target {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function once(agent: http.Agent, port: number, target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: target.method, path: target.path, headers: target.headers, agent },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(target.body);
  });
}

/** Keeps `CONCURRENCY` requests in flight for `seconds`; answers completed requests and non-2xx counts. */
async function drive(
  port: number,
  target: Target,
  seconds: number,
): Promise<{ requests: number; failures: number; elapsedMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const started = performance.now();
  const until = started + seconds * 1000;
  let requests = 0;
  let failures = 0;
  let firstFailure: number | undefined;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const status = await once(agent, port, target);
        requests += 1;
        if (status < 200 || status >= 300) {
          failures += 1;
          firstFailure ??= status;
        }
      }
    }),
  );
  agent.destroy();
  if (firstFailure !== undefined)
    console.error(
      `  ${target.method} ${target.path}: ${failures} answers were not 2xx (first: ${firstFailure})`,
    );
  return { requests, failures, elapsedMs: performance.now() - started };
}

interface Result {
  name: string;
  rps: number;
  cpuMicrosPerRequest: number;
  failures: number;
}

async function measure(name: string, child: ChildProcess, port: number, target: Target): Promise<Result> {
  await drive(port, target, WARMUP_SECONDS);
  await ask(child, { type: 'mark' }, 'marked');
  const run = await drive(port, target, SECONDS);
  const report = await ask(child, { type: 'report' }, 'report');
  return {
    name,
    rps: (run.requests / run.elapsedMs) * 1000,
    cpuMicrosPerRequest: report.cpuMicros / run.requests,
    failures: run.failures,
  };
}

async function firstProductId(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/v1/products?limit=1`, {
    headers: { authorization: `Bearer ${PUBLISHABLE_KEY}` },
  });
  const list = (await res.json()) as { data: { id: string }[] };
  return list.data[0]?.id ?? 'prod_missing';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'abona-bench-'));
  const dbUrl = `file:${join(dir, 'abona.db')}`;
  const bare = await startChild('bare', dbUrl);
  const app = await startChild('app', dbUrl);
  try {
    const floor = await measure('bare Hono GET /', bare.child, bare.port, {
      method: 'GET',
      path: '/',
      headers: {},
    });
    // The app's own floor: request id, log line and CORS, no key, no database.
    const health = await measure('app GET /health', app.child, app.port, {
      method: 'GET',
      path: '/health',
      headers: {},
    });
    // A keyed read: the auth lookup and rate limit every /v1 route pays, plus one indexed row.
    const keyed = await measure('app GET /v1/products/:id', app.child, app.port, {
      method: 'GET',
      path: `/v1/products/${await firstProductId(app.port)}`,
      headers: { authorization: `Bearer ${PUBLISHABLE_KEY}` },
    });
    const pricing = await measure('GET /v1/pricing', app.child, app.port, {
      method: 'GET',
      path: '/v1/pricing?country=RO&currency=EUR',
      headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, 'accept-language': 'ro-RO' },
    });
    const preview = await measure('POST /v1/invoices/preview', app.child, app.port, {
      method: 'POST',
      path: '/v1/invoices/preview',
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customer_details: { address: { country: 'RO' } },
        currency: 'EUR',
        items: [{ price: 'pro_monthly' }, { price: 'team_seat_monthly', quantity: 7 }],
        promotion_code: 'DEMO20',
      }),
    });
    const { maxRssKb } = await ask(app.child, { type: 'report' }, 'report');

    console.log(
      `\nAbona HTTP benchmark: ${CONCURRENCY} in flight, ${SECONDS} s each (after ${WARMUP_SECONDS} s warm-up), node ${process.version}\n`,
    );
    console.log('route                          req/s    CPU µs/req   × floor   goal');
    for (const [result, goal] of [
      [floor, undefined],
      [health, undefined],
      [keyed, undefined],
      [pricing, 0.5],
      [preview, 0.2],
    ] as const) {
      const ratio = result.rps / floor.rps;
      const verdict = goal === undefined ? '' : `≥ ${goal} ${ratio >= goal ? 'ok' : 'MISSED'}`;
      console.log(
        `${result.name.padEnd(28)} ${result.rps.toFixed(0).padStart(7)}  ${result.cpuMicrosPerRequest.toFixed(0).padStart(10)}   ${ratio.toFixed(2).padStart(7)}   ${verdict}`,
      );
    }
    const rssMb = maxRssKb / 1024;
    console.log(`\napp peak RSS: ${rssMb.toFixed(0)} MB (goal ≤ 200 MB: ${rssMb <= 200 ? 'ok' : 'MISSED'})`);
    if (pricing.failures + preview.failures + floor.failures > 0) process.exitCode = 1;
  } finally {
    bare.child.removeAllListeners('exit');
    app.child.removeAllListeners('exit');
    bare.child.kill();
    app.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) void runChild(process.argv[childAt + 1] as ChildKind, process.argv[childAt + 2] ?? '');
else await main();
