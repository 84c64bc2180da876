/**
 * HTTP benchmark: the real app (the built server, file database seeded with the demo catalog)
 * next to a bare Hono app answering a small JSON object, each in its own child process
 * (server-child.mjs, plain node) so its CPU and memory are its own. The load comes from a third process (so neither server shares a core's time with the
 * client's own JavaScript): a fixed number of requests stay in flight over keep-alive connections
 * for a fixed time, after a warm-up (2 s per row once, then 1 s before each measured window). The server child reports `process.cpuUsage()` over the
 * measured window and its peak RSS.
 *
 * Each row is measured `BENCH_ROUNDS` times, rounds interleaved across rows (so a noisy moment
 * of a shared box hits every row alike), and the median is reported.
 *
 * Goals: `GET /v1/pricing` ≥ 0.5 × the floor's requests/s, `POST /v1/invoices/preview` ≥ 0.2 ×,
 * peak RSS ≤ 200 MB.
 *
 *   npm run bench -w @abona/server   # BENCH_SECONDS=3 BENCH_ROUNDS=3 BENCH_CONCURRENCY=32
 *   BENCH_PROFILE=/tmp/prof npm run bench -w @abona/server   # also writes the app's .cpuprofile
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type ChildKind = 'app' | 'bare';
type ToChild = { type: 'mark' } | { type: 'report' } | { type: 'exit' };
type FromChild =
  | { type: 'ready'; port: number }
  | { type: 'marked' }
  | { type: 'report'; cpuMicros: number; maxRssKb: number };

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 1;
const PROFILE_DIR = process.env.BENCH_PROFILE;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECRET_KEY = 'sk_test_abona_demo';
const PUBLISHABLE_KEY = 'pk_test_abona_demo';

// ---------------------------------------------------------------- parent side

function startChild(kind: ChildKind, dbUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const profile = kind === 'app' && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = fork(fileURLToPath(new URL('server-child.mjs', import.meta.url)), [kind, dbUrl], {
    execArgv: profile,
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

interface LoadJob {
  port: number;
  target: Target;
  seconds: number;
  concurrency: number;
}

interface LoadResult {
  requests: number;
  failures: number;
  firstFailure: number | undefined;
  elapsedMs: number;
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

/** Load-process side: keeps `concurrency` requests in flight for `seconds`. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const started = performance.now();
  const until = started + job.seconds * 1000;
  let requests = 0;
  let failures = 0;
  let firstFailure: number | undefined;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < until) {
        const status = await once(agent, job.port, job.target);
        requests += 1;
        if (status < 200 || status >= 300) {
          failures += 1;
          firstFailure ??= status;
        }
      }
    }),
  );
  agent.destroy();
  return { requests, failures, firstFailure, elapsedMs: performance.now() - started };
}

/** One load process for the warm-up and one measured window, so the client never shares the servers' event loops. */
function startLoad(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--load'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', () => resolve(child));
  });
}

function drive(load: ChildProcess, job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve) => {
    load.once('message', (result: LoadResult) => resolve(result));
    load.send(job);
  });
}

interface Result {
  name: string;
  rps: number;
  cpuMicrosPerRequest: number;
  failures: number;
}

interface Row {
  name: string;
  child: ChildProcess;
  port: number;
  target: Target;
  goal: number | undefined;
  runs: Result[];
}

async function measure(load: ChildProcess, row: Row): Promise<Result> {
  const job = { port: row.port, target: row.target, concurrency: CONCURRENCY };
  await drive(load, { ...job, seconds: WARMUP_SECONDS });
  await ask(row.child, { type: 'mark' }, 'marked');
  const run = await drive(load, { ...job, seconds: SECONDS });
  const report = await ask(row.child, { type: 'report' }, 'report');
  if (run.firstFailure !== undefined)
    console.error(
      `  ${row.target.method} ${row.target.path}: ${run.failures} answers were not 2xx (first: ${run.firstFailure})`,
    );
  return {
    name: row.name,
    rps: (run.requests / run.elapsedMs) * 1000,
    cpuMicrosPerRequest: report.cpuMicros / run.requests,
    failures: run.failures,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
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
  const load = await startLoad();
  try {
    const auth = (key: string) => ({ authorization: `Bearer ${key}` });
    const rows: Row[] = [
      {
        name: 'bare Hono GET /',
        child: bare.child,
        port: bare.port,
        goal: undefined,
        runs: [],
        target: { method: 'GET', path: '/', headers: {} },
      },
      // The app's own floor: request id, log line and CORS, no key, no database.
      {
        name: 'app GET /health',
        child: app.child,
        port: app.port,
        goal: undefined,
        runs: [],
        target: { method: 'GET', path: '/health', headers: {} },
      },
      // A keyed read: the auth lookup and rate limit every /v1 route pays, plus one indexed row.
      {
        name: 'app GET /v1/products/:id',
        child: app.child,
        port: app.port,
        goal: undefined,
        runs: [],
        target: {
          method: 'GET',
          path: `/v1/products/${await firstProductId(app.port)}`,
          headers: auth(PUBLISHABLE_KEY),
        },
      },
      {
        name: 'GET /v1/pricing',
        child: app.child,
        port: app.port,
        goal: 0.5,
        runs: [],
        target: {
          method: 'GET',
          path: '/v1/pricing?country=RO&currency=EUR',
          headers: { ...auth(PUBLISHABLE_KEY), 'accept-language': 'ro-RO' },
        },
      },
      {
        name: 'POST /v1/invoices/preview',
        child: app.child,
        port: app.port,
        goal: 0.2,
        runs: [],
        target: {
          method: 'POST',
          path: '/v1/invoices/preview',
          headers: { ...auth(SECRET_KEY), 'content-type': 'application/json' },
          body: JSON.stringify({
            customer_details: { address: { country: 'RO' } },
            currency: 'EUR',
            items: [{ price: 'pro_monthly' }, { price: 'team_seat_monthly', quantity: 7 }],
            promotion_code: 'DEMO20',
          }),
        },
      },
    ];
    // JIT warm-up of both servers and the load process before any round counts.
    for (const row of rows)
      await drive(load, { port: row.port, target: row.target, concurrency: CONCURRENCY, seconds: 2 });
    for (let round = 0; round < ROUNDS; round++) {
      for (const row of rows) row.runs.push(await measure(load, row));
    }
    const { maxRssKb } = await ask(app.child, { type: 'report' }, 'report');

    const floorRps = median(rows[0]?.runs.map((run) => run.rps) ?? []);
    console.log(
      `\nAbona HTTP benchmark: ${CONCURRENCY} in flight from a separate load process, ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up, median of ${ROUNDS} rounds, node ${process.version}\n`,
    );
    console.log(
      'route                          req/s    CPU µs/req   × floor   goal          (req/s per round)',
    );
    let failures = 0;
    for (const row of rows) {
      const rps = median(row.runs.map((run) => run.rps));
      const cpu = median(row.runs.map((run) => run.cpuMicrosPerRequest));
      failures += row.runs.reduce((sum, run) => sum + run.failures, 0);
      const ratio = rps / floorRps;
      const verdict = row.goal === undefined ? '' : `≥ ${row.goal} ${ratio >= row.goal ? 'ok' : 'MISSED'}`;
      console.log(
        `${row.name.padEnd(28)} ${rps.toFixed(0).padStart(7)}  ${cpu.toFixed(0).padStart(10)}   ${ratio.toFixed(2).padStart(7)}   ${verdict.padEnd(12)}  (${row.runs.map((run) => run.rps.toFixed(0)).join(', ')})`,
      );
    }
    const rssMb = maxRssKb / 1024;
    console.log(`\napp peak RSS: ${rssMb.toFixed(0)} MB (goal ≤ 200 MB: ${rssMb <= 200 ? 'ok' : 'MISSED'})`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    bare.child.removeAllListeners('exit');
    app.child.removeAllListeners('exit');
    bare.child.kill();
    load.kill();
    if (PROFILE_DIR) {
      await new Promise((resolve) => {
        app.child.once('exit', resolve);
        app.child.send({ type: 'exit' } satisfies ToChild);
      });
      console.log(`app CPU profile written to ${PROFILE_DIR}`);
    } else app.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--load')) {
  process.on('message', (job: LoadJob) => {
    void runLoad(job).then((result) => process.send?.(result));
  });
  process.send?.('ready');
} else await main();
