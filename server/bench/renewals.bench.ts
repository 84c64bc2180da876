/**
 * Renewal benchmark: N due subscriptions (default 50,000) on a file database, renewed by the
 * billing run (`runDue`: claim, renew, invoice with tax, ledger, events, charge through the
 * in-process sandbox gateway, receipt email) — next to the batched-insert floor of the same
 * database measured in the same run (N invoice-like rows inserted in batches of 1,000), and the
 * ratio. Peak RSS is sampled throughout: the run streams due work in batches, so memory stays flat.
 *
 * Goals: renewals/s ≥ 0.1 × the write-set floor (below); peak RSS ≤ 300 MB.
 *
 * Why a second floor, and why the goal is judged on it: a renewal's floor is the cost of writing
 * what a renewal must write. The rows/s floor compares renewals with single invoice-like rows,
 * but one renewal writes about sixteen rows (invoice, line, ledger entries, events, receipt email,
 * payment, the gateway's records), some of them kilobytes wide (event payloads, email bodies), so
 * even a renewal with no logic at all could not pass 1/16 of it. The write-set floor reads back
 * the rows one renewal actually wrote, in every table it touched (rows per renewal: each table's
 * new rows over the renewals), and inserts N copies of exactly those rows (fresh ids and keys of
 * the same width, same bodies) into a fresh database made by the same migrations and opened the
 * same way, with multi-row inserts in one transaction per batch of BENCH_BATCH renewals: the
 * fastest the database absorbs one renewal's writes. Updates (the claim, the period advance,
 * invoice and payment status) are left out, so it stays a lower bound on a renewal's cost. The
 * rows/s floor and its ratio are still printed, as before, for comparison.
 *
 * It runs the built server (dist) under plain node, as `abona serve` does (`bench:renewals` builds
 * both first). BENCH_VERBOSE=1 prints each batch's time and the RSS split (anonymous / file-mapped).
 *
 *   npm run bench:renewals -w @abona/server       # BENCH_RENEWALS=50000 BENCH_BATCH=100 BENCH_SECONDS=1200
 */
import { sql } from 'drizzle-orm';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock } from '../dist/clock/index.js';
import { createDb } from '../dist/db/client.js';
import { insertRows } from '../dist/db/raw.js';
import { subscriptions } from '../dist/db/schema.js';
import { randomIds } from '../dist/ids/index.js';
import { createServices } from '../dist/services.js';
import { describe, insertCopies, rowidMarks, writeSetOf } from './write-set-floor.js';

const N = Number(process.env.BENCH_RENEWALS ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
/**
 * A safety stop for slow machines: the run stops after the batch that crosses it (the rate is
 * then over what it did, and says so). By default the whole N is renewed.
 */
const BUDGET_SECONDS = Number(process.env.BENCH_SECONDS ?? 1200);
const CUSTOMERS = Math.max(1, Math.min(100, Math.floor(N / 100)));
const START_MS = Date.UTC(2026, 0, 15, 12);
const DUE_MS = Date.UTC(2026, 1, 15, 12);

let peakRss = process.memoryUsage().rss;
/** Peak RSS of the billing run alone (the setup's inserts come before it). */
let runPeakRss = 0;
let running = false;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  if (running) runPeakRss = Math.max(runPeakRss, rss);
}, 50);
/** BENCH_VERBOSE=1: one line per batch (time, RSS) and the RSS after each setup phase. */
const VERBOSE = process.env.BENCH_VERBOSE === '1';
/** RSS split as Linux counts it (anonymous: heaps, caches; file: mapped code) and the V8 heap, MB. */
const mbNow = () => {
  const m = process.memoryUsage();
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  const split = status ? `: anon ${(kib('RssAnon') / 1024).toFixed(0)}, file ${(kib('RssFile') / 1024).toFixed(0)}` : '';
  return `${(m.rss / 1048576).toFixed(0)}${split} (V8 heap ${(m.heapUsed / 1048576).toFixed(0)}/${(m.heapTotal / 1048576).toFixed(0)})`;
};

const dir = mkdtempSync(join(tmpdir(), 'abona-renewals-'));
try {
  const handle = await createDb(`file:${join(dir, 'bench.db')}`);
  const { db, client } = handle;
  const clock = manualClock(START_MS);
  const services = createServices({ db, clock, ids: randomIds });

  if (VERBOSE) console.log(`database open, RSS ${mbNow()} MB`);

  // ---- the catalog, customers with a card, N subscriptions due at DUE_MS
  const product = await services.products.create(false, { name: 'Pro' } as never);
  const price = await services.prices.create(false, { product: product.id, currency: 'EUR', unit_amount: 2900, tax_behavior: 'exclusive', recurring: { interval: 'month' } } as never);
  const customers: string[] = [];
  for (let c = 0; c < CUSTOMERS; c += 1) {
    const { customer } = await services.customers.create(false, { email: `c${c}@example.ro`, address: { country: 'RO' } } as never);
    await services.paymentMethods.attach(false, customer.id, { token: 'tok_visa' });
    customers.push(customer.id);
  }
  // Plain multi-row inserts (db/raw), 1,000 rows per transaction: drizzle's builder made ~200 MB of
  // garbage for 1,000 rows, and the setup is not what is measured. In a transaction, the statement
  // stays prepared on the write connection instead of being prepared (native memory) per slice.
  for (let from = 0; from < N; from += 1000) {
    const rows: (typeof subscriptions.$inferInsert)[] = [];
    for (let i = from; i < Math.min(N, from + 1000); i += 1) {
      rows.push({
        id: `sub_bench_${String(i).padStart(6, '0')}`,
        livemode: false,
        createdAt: START_MS,
        updatedAt: START_MS,
        customerId: customers[i % CUSTOMERS] as string,
        status: 'active' as const,
        items: [{ priceId: (price as { id: string }).id, quantity: 1 }],
        currency: 'EUR',
        anchorMs: START_MS,
        timeZone: 'UTC',
        currentPeriodStart: START_MS,
        currentPeriodEnd: DUE_MS,
        trialStart: null,
        trialEnd: null,
        cancelAtPeriodEnd: false,
        canceledAt: null,
        endedAt: null,
        cancellation: null,
        pauseResumesAt: null,
        pausedAt: null,
        scheduledChange: null,
        discounts: [],
        appliedOnceCouponIds: [],
        defaultPaymentMethodId: null,
        latestInvoiceId: null,
        pendingLines: [],
        nextActionAt: DUE_MS,
        testClockId: null,
        metadata: {},
        version: 1,
      });
    }
    await db.transaction((tx) => insertRows(tx, subscriptions, rows));
  }

  if (VERBOSE) console.log(`setup done, RSS ${mbNow()} MB`);

  // ---- the run
  const marks = await rowidMarks(client);
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of the run alone (not the setup, not the floors).
  const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const cpuStart = process.cpuUsage();
  clock.set(DUE_MS);
  const runStart = performance.now();
  let batchStart = runStart;
  running = true;
  let report = { processed: 0, errors: [] as unknown[], replayedBatches: 0 };
  try {
    report = await services.lifecycle.runDue({
      nowMs: DUE_MS,
      livemode: false,
      batchSize: BATCH,
      revenue: false,
      onBatch: (progress) => {
        report = progress;
        // Sampled here too: a batch runs on microtasks only, so the interval fires between batches only.
        runPeakRss = Math.max(runPeakRss, process.memoryUsage().rss);
        peakRss = Math.max(peakRss, runPeakRss);
        if (VERBOSE) console.log(`batch ${progress.batches}: ${(performance.now() - batchStart).toFixed(0)} ms, RSS ${mbNow()} MB`);
        batchStart = performance.now();
        if ((performance.now() - runStart) / 1000 > BUDGET_SECONDS) throw new Error('budget');
      },
    });
  } catch (error) {
    if (!(error instanceof Error && error.message === 'budget')) throw error;
  }
  const runSeconds = (performance.now() - runStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  running = false;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE as string, JSON.stringify(profile));
    profiler.disconnect();
  }
  const renewalRate = report.processed / runSeconds;
  const [{ n } = { n: 0 }] = (await db.all(sql`select count(*) as n from invoices where billing_reason = 'subscription_cycle' and status = 'paid'`)) as { n: number }[];
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  /** Setup and run; the floors come after and are reported on their own. */
  const mb = peakRss / 1024 / 1024;

  // ---- the floor: N invoice-like rows in batches of 1,000 (one transaction each). Measured after
  // the run, as it always measured the same thing: through the client, each 1,000-row statement
  // leaves ~1 MB of native statement memory until the garbage collector finalizes it, which
  // (measured first) added ~55 MB to the RSS the run then started from.
  await client.execute('create table bench_floor (id text primary key, livemode integer, created_at integer, customer_id text, subscription_id text, status text, currency text, subtotal integer, tax integer, total integer, amount_due integer, period_start integer, period_end integer, dedupe_key text unique)');
  const floorStart = performance.now();
  for (let from = 0; from < N; from += 1000) {
    const rows = [];
    for (let i = from; i < Math.min(N, from + 1000); i += 1) rows.push(`('in_floor_${i}', 0, ${START_MS}, 'cus_${i % CUSTOMERS}', 'sub_${i}', 'paid', 'EUR', 2900, 609, 3509, 3509, ${DUE_MS}, ${DUE_MS + 28 * 86_400_000}, 'sub_${i}:cycle')`);
    await client.batch([`insert into bench_floor values ${rows.join(',')}`], 'write');
  }
  const floorSeconds = (performance.now() - floorStart) / 1000;
  const floorRate = N / floorSeconds;
  const ratio = renewalRate / floorRate;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

  // ---- the write-set floor: what one renewal wrote, N times, into a fresh database of the same schema
  const [first] = (await client.execute({ sql: `select subscription_id as s from invoices where rowid > ? and billing_reason = 'subscription_cycle' order by rowid limit 1`, args: [marks.get('invoices') ?? 0] })).rows;
  let writeSetLines: string[] = [];
  if (first && report.processed > 0) {
    const set = await writeSetOf(client, marks, String(first.s), report.processed);
    const floorDb = await createDb(`file:${join(dir, 'floor.db')}`);
    const setSeconds = await insertCopies(floorDb.client, set, N, BATCH);
    floorDb.close();
    const setRate = N / setSeconds;
    const setRatio = renewalRate / setRate;
    const { total, text } = describe(set);
    writeSetLines = [
      `rows per renewal  ${total.toFixed(2)} = ${text}  (one renewal's rows: ${(set.bytes / 1024).toFixed(1)} KB)`,
      `write-set floor   ${fmt(N)} renewal write sets (${fmt(N * set.tables.reduce((sum, t) => sum + t.rows.length, 0))} rows) in ${setSeconds.toFixed(2)} s  → ${fmt(setRate)} write sets/s`,
      `ratio (the goal)  ${setRatio.toFixed(3)} × the write-set floor (goal ≥ 0.1)  ${setRatio >= 0.1 ? 'met' : 'NOT met'}  ← the ratio the goal is judged on`,
    ];
  }
  if (report.processed < N) console.log(`(stopped after the ${BUDGET_SECONDS} s budget: ${fmt(N - report.processed)} left due, renewed by the next run)`);
  console.log(`renewals          ${fmt(report.processed)} in ${runSeconds.toFixed(1)} s  → ${fmt(renewalRate)} renewals/s  (${fmt(Number(n))} paid cycle invoices, ${report.errors.length} errors, ${report.replayedBatches} batches replayed one by one)`);
  console.log(`insert floor      ${fmt(N)} rows in ${floorSeconds.toFixed(2)} s  → ${fmt(floorRate)} rows/s`);
  console.log(`ratio             ${ratio.toFixed(3)} × the floor (goal ≥ 0.1)  ${ratio >= 0.1 ? 'met' : 'NOT met'}`);
  for (const line of writeSetLines) console.log(line);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`run CPU           ${cpuSeconds.toFixed(1)} s user+sys for ${runSeconds.toFixed(1)} s of run (${((cpuSeconds * 1000) / Math.max(1, report.processed)).toFixed(2)} ms per renewal); load average ${loadavg()[0]?.toFixed(1)} on this machine`);
  console.log(`peak RSS          ${mb.toFixed(0)} MB (goal ≤ 300)  ${mb <= 300 ? 'met' : 'NOT met'}  (during the run alone: ${(runPeakRss / 1024 / 1024).toFixed(0)} MB; the floors, measured after the run: ${(peakRss / 1024 / 1024).toFixed(0)} MB)`);
  if (report.errors.length > 0) console.log('first error:', report.errors[0]);
  handle.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
