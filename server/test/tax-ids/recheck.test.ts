import { defaultTaxIdRetryPolicy, taxIdRetryDelayMs } from '@abona/core';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { customers, customerTaxIds } from '../../src/db/schema.js';
import { recheckTaxIds, unavailableAnswersSoFar, viesVerifier } from '../../src/tax-ids/index.js';
import { setup, SK_LIVE, START_MS, type Harness } from '../helpers.js';
import { startViesStandIn, type ViesStandIn } from './vies-standin.js';

const MIN = 60_000;

let vies: ViesStandIn;
beforeAll(async () => {
  vies = await startViesStandIn();
});
afterAll(() => vies.close());

/** Fresh behaviours per test: numbers are unique per test, so parallel files never share one. */
function answer(id: string, behaviour: Parameters<ViesStandIn['behaviours']['set']>[1]): string {
  vies.behaviours.set(id, behaviour);
  return id;
}

function requestsFor(id: string): number {
  return vies.requests.filter((r) => r.countryCode + r.vatNumber === id).length;
}

async function customerWith(h: Harness, value: string, key?: string): Promise<string> {
  const customer = await h.json<{ id: string }>('POST', '/v1/customers', { key, body: { email: 'x@example.com', address: { country: value.slice(0, 2) }, tax_ids: [{ type: 'eu_vat', value }] } });
  return customer.id;
}

async function taxIdOf(h: Harness, customerId: string) {
  const [row] = await h.db.select().from(customerTaxIds).where(eq(customerTaxIds.customerId, customerId));
  if (!row) throw new Error(`no tax id for ${customerId}`);
  return row;
}

async function taxIdEvents(h: Harness, key?: string) {
  const list = await h.json<{ data: { type: string; data: { object: Record<string, unknown> } }[] }>('GET', '/v1/events?type=customer.tax_id.updated', { key });
  return list.data.map((e) => e.data.object);
}

describe('recheckTaxIds against a local VIES stand-in', () => {
  it('valid → verified with the name, invalid → unverified (one event each); MS_UNAVAILABLE stays pending, due in 5 min', async () => {
    const h = await setup();
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const good = await customerWith(h, answer('DE136695976', 'valid'));
    const bad = await customerWith(h, answer('DE111111125', 'invalid'));
    const down = await customerWith(h, answer('FR40303265045', 'ms_unavailable'));
    const report = await recheckTaxIds(h.db, verifier, { nowMs: START_MS });
    expect(report).toEqual({ checked: 3, verified: 1, unverified: 1, unavailable: 1, lost: 0, errors: [] });

    expect(await taxIdOf(h, good)).toMatchObject({ verificationStatus: 'verified', verifiedName: 'MUSTER GMBH', nextCheckAt: null });
    expect(await taxIdOf(h, bad)).toMatchObject({ verificationStatus: 'unverified', verifiedName: null, nextCheckAt: null });
    // First unavailable answer: base delay, 5 min.
    expect(await taxIdOf(h, down)).toMatchObject({ verificationStatus: 'pending', nextCheckAt: START_MS + 5 * MIN });

    const events = await taxIdEvents(h);
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ object: 'tax_id', customer: good, value: 'DE136695976', verification: { status: 'verified', verified_name: 'MUSTER GMBH' }, livemode: false }),
        expect.objectContaining({ customer: bad, verification: { status: 'unverified', verified_name: null } }),
      ]),
    );

    // Definite answers end the checks; the pending one is not due before its time.
    expect(await recheckTaxIds(h.db, verifier, { nowMs: START_MS + 5 * MIN - 1 })).toMatchObject({ checked: 0 });
    expect(requestsFor('DE136695976')).toBe(1);
    h.close();
  });

  it('backoff: 5, 10, 20, 40 min… after each unavailable answer, until an answer ends it (time injected)', async () => {
    const h = await setup();
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const id = answer('IT00743110157', 'service_unavailable');
    const customer = await customerWith(h, id);
    let nowMs = START_MS;
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      // One minute late each time, as a 60 s scheduler tick would be: the count stays exact.
      const report = await recheckTaxIds(h.db, verifier, { nowMs });
      expect(report).toMatchObject({ checked: 1, unavailable: 1 });
      const row = await taxIdOf(h, customer);
      expect(row.verificationStatus).toBe('pending');
      delays.push((row.nextCheckAt ?? 0) - nowMs);
      expect(await recheckTaxIds(h.db, verifier, { nowMs: (row.nextCheckAt ?? 0) - 1 })).toMatchObject({ checked: 0 });
      nowMs = (row.nextCheckAt ?? 0) + (i === 0 ? 0 : MIN);
    }
    expect(delays).toEqual([5, 10, 20, 40, 80].map((m) => m * MIN));
    expect(requestsFor(id)).toBe(5);

    vies.behaviours.set(id, 'valid');
    expect(await recheckTaxIds(h.db, verifier, { nowMs })).toMatchObject({ checked: 1, verified: 1 });
    expect(await taxIdOf(h, customer)).toMatchObject({ verificationStatus: 'verified', nextCheckAt: null });
    expect(await recheckTaxIds(h.db, verifier, { nowMs: nowMs + 10 * 86_400_000 })).toMatchObject({ checked: 0 });
    h.close();
  });

  it('a hanging VIES costs one timeout per slot: the run ends promptly and the ids stay pending', async () => {
    const h = await setup();
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const ids = ['ATU13585627', 'ATU10223006', 'ATU12011204', 'ATU14193701', 'ATU16370905'].map((v) => answer(v, 'hang'));
    const created = [];
    for (const id of ids) created.push(await customerWith(h, id));
    const started = performance.now();
    // 5 ids, 4 at once, 150 ms each: 2 rounds ≈ 300 ms.
    const report = await recheckTaxIds(h.db, verifier, { nowMs: START_MS, timeoutMs: 150, concurrency: 4 });
    const elapsedMs = performance.now() - started;
    expect(report).toMatchObject({ checked: 5, unavailable: 5, lost: 0 });
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(2000);
    for (const customer of created) expect(await taxIdOf(h, customer)).toMatchObject({ verificationStatus: 'pending', nextCheckAt: START_MS + 5 * MIN });
    expect(await taxIdEvents(h)).toEqual([]);
    h.close();
  });

  it('claim safety: two runners at once call VIES once per id and write one event per id', async () => {
    const h = await setup();
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const ids = ['SE556703748501', 'SE556012579001', 'SE202100637601'].map((v) => answer(v, 'valid'));
    for (const id of ids) await customerWith(h, id);
    const [a, b] = await Promise.all([recheckTaxIds(h.db, verifier, { nowMs: START_MS }), recheckTaxIds(h.db, verifier, { nowMs: START_MS })]);
    expect((a?.checked ?? 0) + (b?.checked ?? 0)).toBe(3);
    for (const id of ids) expect(requestsFor(id)).toBe(1);
    expect(await taxIdEvents(h)).toHaveLength(3);
    h.close();
  });

  it('claim safety across processes: two database handles on one file, racing for the same ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abona-taxids-'));
    const url = `file:${join(dir, 'abona.db')}`;
    const one = await createDb(url);
    const two = await createDb(url);
    try {
      const ids = ['PL5261040828', 'PL7251801126', 'PL5270103391', 'PL1130093521', 'PL5213017228', 'PL5250001009'].map((v) => answer(v, 'valid'));
      for (const [i, id] of ids.entries()) {
        await one.db.insert(customers).values({ id: `cus_${i}`, livemode: false, createdAt: START_MS, updatedAt: START_MS });
        await one.db.insert(customerTaxIds).values({ id: `txi_${i}`, livemode: false, createdAt: START_MS, customerId: `cus_${i}`, type: 'eu_vat', value: id, country: 'PL', nextCheckAt: START_MS });
      }
      const verifier = viesVerifier({ baseUrl: vies.baseUrl });
      const reports = await Promise.all([
        recheckTaxIds(one.db, verifier, { nowMs: START_MS, concurrency: 2 }),
        recheckTaxIds(two.db, verifier, { nowMs: START_MS, concurrency: 2 }),
      ]);
      expect(reports.reduce((n, r) => n + r.checked, 0)).toBe(6);
      expect(reports.flatMap((r) => r.errors)).toEqual([]);
      for (const id of ids) expect(requestsFor(id)).toBe(1);
      const rows = await one.db.select().from(customerTaxIds);
      expect(rows.every((r) => r.verificationStatus === 'verified')).toBe(true);
    } finally {
      one.close();
      two.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an id replaced while VIES is asked is not written back (lost), and no event is made', async () => {
    const h = await setup();
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const id = answer('CZ25596641', 'hang');
    const customer = await customerWith(h, id);
    const run = recheckTaxIds(h.db, verifier, { nowMs: START_MS, timeoutMs: 200 });
    // While the check hangs, the customer's tax ids are replaced (delete + insert).
    while (requestsFor(id) === 0) await new Promise((r) => setTimeout(r, 5));
    await h.json('POST', `/v1/customers/${customer}`, { body: { tax_ids: [{ type: 'eu_vat', value: 'CZ25596641' }] } });
    expect(await run).toMatchObject({ checked: 1, unavailable: 1, lost: 1 });
    // The new row is still due now: its own first check has not happened.
    expect(await taxIdOf(h, customer)).toMatchObject({ verificationStatus: 'pending', nextCheckAt: START_MS });
    h.close();
  });

  it('checks live ids too, each mode’s event in its mode; types no registry answers are left alone', async () => {
    const h = await setup();
    const verifier = viesVerifier({ baseUrl: vies.baseUrl });
    const live = await customerWith(h, answer('DK13585628', 'valid'), SK_LIVE);
    const gb = await h.json<{ id: string }>('POST', '/v1/customers', { body: { tax_ids: [{ type: 'gb_vat', value: 'GB980780684' }] } });
    const report = await recheckTaxIds(h.db, verifier, { nowMs: START_MS });
    expect(report).toMatchObject({ checked: 1, verified: 1 });
    expect(await taxIdOf(h, live)).toMatchObject({ livemode: true, verificationStatus: 'verified' });
    expect(await taxIdOf(h, gb.id)).toMatchObject({ verificationStatus: 'pending', nextCheckAt: START_MS });
    expect(await taxIdEvents(h, SK_LIVE)).toHaveLength(1);
    expect(await taxIdEvents(h)).toHaveLength(0);
    h.close();
  });
});

describe('unavailableAnswersSoFar', () => {
  const policy = defaultTaxIdRetryPolicy;
  it('reads the count back from the schedule', () => {
    expect(unavailableAnswersSoFar(0, 0)).toBe(0);
    expect(unavailableAnswersSoFar(0, 5 * MIN - 1)).toBe(0);
    // 5 + 10 = 15 min after creation: two answers so far.
    expect(unavailableAnswersSoFar(0, 15 * MIN)).toBe(2);
    // 5·(2⁹ − 1) = 2555 min covers 9 doubling waits (the 10th would exceed 1 day = 1440 min); then whole days.
    expect(unavailableAnswersSoFar(0, 2555 * MIN + 3 * 1440 * MIN)).toBe(12);
  });

  it('on-time checks are counted exactly, and the count never falls as time goes on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 4 * MIN }), fc.integer({ min: 0, max: 10 ** 10 }), (n, lateMs, extraMs) => {
        let dueMs = 0;
        for (let k = 1; k <= n; k++) dueMs += taxIdRetryDelayMs(k, policy);
        expect(unavailableAnswersSoFar(0, dueMs, policy)).toBe(n);
        // A run up to 4 min late (less than the smallest wait) still counts n.
        expect(unavailableAnswersSoFar(0, dueMs + lateMs, policy)).toBe(n);
        expect(unavailableAnswersSoFar(0, dueMs + extraMs, policy)).toBeGreaterThanOrEqual(n);
      }),
    );
  });
});
