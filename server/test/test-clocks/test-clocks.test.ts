import { describe, it, expect, beforeEach } from 'vitest';
import { ErrorEnvelope, TestClock, TestClockList } from '@abona/api';
import { eq } from 'drizzle-orm';
import { events, testClocks } from '../../src/db/schema.js';
import type { TestClockAdvancer } from '../../src/resources/test-clocks/advancer.js';
import { createClocks } from '../../src/resources/test-clocks/clocks.js';
import { testClockService } from '../../src/resources/test-clocks/service.js';
import { PK_TEST, SK_LIVE, START_MS, setup, type Harness } from '../helpers.js';

const DAY_MS = 86_400_000;
/** 2025-03-01T00:00:00Z */
const FROZEN_MS = Date.UTC(2025, 2, 1);
const iso = (ms: number) => new Date(ms).toISOString();

let h: Harness;
beforeEach(async () => {
  h = await setup();
});

async function createClock(frozenMs = FROZEN_MS, name?: string) {
  return TestClock.parse(
    await h.json('POST', '/v1/test_helpers/test_clocks', {
      body: { frozen_time: iso(frozenMs), ...(name ? { name } : {}) },
    }),
  );
}

describe('test clocks over HTTP', () => {
  it('are created, listed, read and deleted, with outbox events', async () => {
    const clock = await createClock(FROZEN_MS, 'Renewal journey');
    expect(clock).toEqual({
      id: 'tc_000001',
      object: 'test_clock',
      name: 'Renewal journey',
      frozen_time: iso(FROZEN_MS),
      status: 'ready',
      livemode: false,
      created: iso(START_MS),
    });
    const second = await createClock(FROZEN_MS + DAY_MS);
    const list = TestClockList.parse(await h.json('GET', '/v1/test_helpers/test_clocks?limit=1'));
    expect(list.data.map((c) => c.id)).toEqual([second.id]);
    expect(list.has_more).toBe(true);
    expect(await h.json('GET', `/v1/test_helpers/test_clocks/${clock.id}`)).toEqual(clock);
    expect(await h.json('DELETE', `/v1/test_helpers/test_clocks/${clock.id}`)).toEqual({
      id: clock.id,
      object: 'test_clock',
      deleted: true,
    });
    expect((await h.call('GET', `/v1/test_helpers/test_clocks/${clock.id}`)).status).toBe(404);
    const types = (await h.db.select().from(events)).map((e) => e.type).sort();
    expect(types).toEqual([
      'test_helpers.test_clock.created',
      'test_helpers.test_clock.created',
      'test_helpers.test_clock.deleted',
    ]);
  });

  it('refuse live keys on every route (403, test_mode_only) and publishable keys', async () => {
    const clock = await createClock();
    const calls: [string, string, unknown?][] = [
      ['POST', '/v1/test_helpers/test_clocks', { frozen_time: iso(FROZEN_MS) }],
      ['GET', '/v1/test_helpers/test_clocks'],
      ['GET', `/v1/test_helpers/test_clocks/${clock.id}`],
      ['DELETE', `/v1/test_helpers/test_clocks/${clock.id}`],
      ['POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, { frozen_time: iso(FROZEN_MS + DAY_MS) }],
    ];
    for (const [method, path, body] of calls) {
      const res = await h.call(method, path, { key: SK_LIVE, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      const { error } = ErrorEnvelope.parse(await res.json());
      expect(error.code).toBe('test_mode_only');
      expect(error.message).toContain('test mode');
      expect((await h.call(method, path, { key: PK_TEST, body })).status).toBe(403);
    }
    expect((await h.json<{ status: string }>('GET', `/v1/test_helpers/test_clocks/${clock.id}`)).status).toBe(
      'ready',
    );
  });

  it('advance only forward: the same or an earlier time is a 400 on frozen_time', async () => {
    const clock = await createClock();
    for (const ms of [FROZEN_MS, FROZEN_MS - 1, FROZEN_MS - 365 * DAY_MS]) {
      const res = await h.json<ErrorEnvelope>(
        'POST',
        `/v1/test_helpers/test_clocks/${clock.id}/advance`,
        { body: { frozen_time: iso(ms) } },
        400,
      );
      expect(res.error.param).toBe('frozen_time');
    }
    for (const bad of ['yesterday', '2025-02-30T00:00:00Z', 42]) {
      const res = await h.json<ErrorEnvelope>(
        'POST',
        `/v1/test_helpers/test_clocks/${clock.id}/advance`,
        { body: { frozen_time: bad } },
        400,
      );
      expect(res.error.param).toBe('frozen_time');
    }
    const advanced = TestClock.parse(
      await h.json('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, {
        body: { frozen_time: iso(FROZEN_MS + 31 * DAY_MS) },
      }),
    );
    expect(advanced).toMatchObject({ status: 'ready', frozen_time: iso(FROZEN_MS + 31 * DAY_MS) });
    const types = (await h.db.select().from(events)).map((e) => e.type);
    expect(types).toEqual([
      'test_helpers.test_clock.created',
      'test_helpers.test_clock.advancing',
      'test_helpers.test_clock.ready',
    ]);
    expect(
      (
        await h.call('POST', '/v1/test_helpers/test_clocks/tc_nope/advance', {
          body: { frozen_time: iso(FROZEN_MS + 99 * DAY_MS) },
        })
      ).status,
    ).toBe(404);
  });

  it('customers attach on create (test mode only) and live by the clock; deleting the clock deletes them', async () => {
    const clock = await createClock();
    const customer = await h.json<{ id: string; test_clock: string | null }>('POST', '/v1/customers', {
      body: { name: 'Timed', test_clock: clock.id },
    });
    expect(customer.test_clock).toBe(clock.id);
    const plain = await h.json<{ id: string; test_clock: string | null }>('POST', '/v1/customers', {
      body: { name: 'Plain' },
    });
    expect(plain.test_clock).toBeNull();

    const live = await h.json<ErrorEnvelope>(
      'POST',
      '/v1/customers',
      { key: SK_LIVE, body: { test_clock: clock.id } },
      400,
    );
    expect(live.error).toMatchObject({ param: 'test_clock', code: 'livemode_mismatch' });
    const unknown = await h.json<ErrorEnvelope>(
      'POST',
      '/v1/customers',
      { body: { test_clock: 'tc_nope' } },
      400,
    );
    expect(unknown.error).toMatchObject({ param: 'test_clock', code: 'resource_missing' });

    const clocks = createClocks(h.db, h.clock);
    expect((await clocks.clockFor(customer.id)).now()).toBe(FROZEN_MS);
    expect((await clocks.clockFor(plain.id)).now()).toBe(START_MS); // the system clock
    await h.json('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, {
      body: { frozen_time: iso(FROZEN_MS + DAY_MS) },
    });
    expect((await clocks.clockFor(customer.id)).now()).toBe(FROZEN_MS + DAY_MS);
    expect((await clocks.clockForTestClock(clock.id)).now()).toBe(FROZEN_MS + DAY_MS);
    expect((await clocks.clockForTestClock(null)).now()).toBe(START_MS);

    await h.json('DELETE', `/v1/test_helpers/test_clocks/${clock.id}`);
    expect((await h.call('GET', `/v1/customers/${customer.id}`)).status).toBe(404);
    expect((await h.call('GET', `/v1/customers/${plain.id}`)).status).toBe(200);
    const afterDelete = await h.json<ErrorEnvelope>(
      'POST',
      '/v1/customers',
      { body: { test_clock: clock.id } },
      400,
    );
    expect(afterDelete.error.param).toBe('test_clock');
  });
});

describe('advancing runs the lifecycle steps', () => {
  function service(advancers: TestClockAdvancer[]) {
    return testClockService({ db: h.db, clock: h.clock, ids: h.ids, advancers });
  }

  it('runs every step in order over (from, to], advancing while they run, ready after', async () => {
    const clock = await createClock();
    const calls: string[] = [];
    const statuses: string[] = [];
    const step =
      (name: string): TestClockAdvancer =>
      async (_db, advance) => {
        calls.push(
          `${name} ${advance.clockId} ${iso(advance.fromMs)} → ${iso(advance.toMs)} live=${String(advance.livemode)}`,
        );
        statuses.push(
          (await h.json<{ status: string }>('GET', `/v1/test_helpers/test_clocks/${clock.id}`)).status,
        );
      };
    const toMs = FROZEN_MS + 40 * DAY_MS;
    const done = await service([step('renewals'), step('retries'), step('trials')]).advance(false, clock.id, {
      frozen_time: iso(toMs),
    });
    expect(calls).toEqual([
      `renewals tc_000001 ${iso(FROZEN_MS)} → ${iso(toMs)} live=false`,
      `retries tc_000001 ${iso(FROZEN_MS)} → ${iso(toMs)} live=false`,
      `trials tc_000001 ${iso(FROZEN_MS)} → ${iso(toMs)} live=false`,
    ]);
    expect(statuses).toEqual(['advancing', 'advancing', 'advancing']);
    expect(done).toMatchObject({ status: 'ready', frozenTime: toMs });
  });

  it('moveTo walks the clock forward through due instants, never back nor past the target', async () => {
    const clock = await createClock();
    const customer = await h.json<{ id: string }>('POST', '/v1/customers', {
      body: { test_clock: clock.id },
    });
    const clocks = createClocks(h.db, h.clock);
    const seen: number[] = [];
    const dueMs = [FROZEN_MS + 31 * DAY_MS, FROZEN_MS + 59 * DAY_MS]; // two renewals inside the advance
    const renewals: TestClockAdvancer = async (_db, { moveTo, toMs }) => {
      for (const ms of dueMs) {
        await moveTo(ms);
        seen.push((await clocks.clockFor(customer.id)).now());
      }
      await expect(moveTo(dueMs[0] as number)).rejects.toThrow(RangeError); // backwards
      await expect(moveTo(toMs + 1)).rejects.toThrow(RangeError); // past the target
    };
    await service([renewals]).advance(false, clock.id, { frozen_time: iso(FROZEN_MS + 60 * DAY_MS) });
    expect(seen).toEqual(dueMs);
    expect((await clocks.clockFor(customer.id)).now()).toBe(FROZEN_MS + 60 * DAY_MS);
  });

  it('a failing step stops the advance: ready again at the last instant reached, later steps not run', async () => {
    const clock = await createClock();
    const ran: string[] = [];
    const failing: TestClockAdvancer = async (_db, { moveTo }) => {
      ran.push('first');
      await moveTo(FROZEN_MS + DAY_MS);
      throw new Error('renewal broke');
    };
    const never: TestClockAdvancer = async () => {
      ran.push('second');
    };
    await expect(
      service([failing, never]).advance(false, clock.id, { frozen_time: iso(FROZEN_MS + 10 * DAY_MS) }),
    ).rejects.toThrow('renewal broke');
    expect(ran).toEqual(['first']);
    const [row] = await h.db.select().from(testClocks).where(eq(testClocks.id, clock.id));
    expect(row).toMatchObject({ status: 'ready', frozenTime: FROZEN_MS + DAY_MS });
    // Retrying continues from where it stopped.
    const retried = await service([]).advance(false, clock.id, { frozen_time: iso(FROZEN_MS + 10 * DAY_MS) });
    expect(retried.frozenTime).toBe(FROZEN_MS + 10 * DAY_MS);
  });

  it('a second advance while one runs is a 409; a stale advance (crashed) can be taken over', async () => {
    const clock = await createClock();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow: TestClockAdvancer = async () => {
      started();
      await gate;
    };
    const first = service([slow]).advance(false, clock.id, { frozen_time: iso(FROZEN_MS + DAY_MS) });
    await running;
    const second = await h.call('POST', `/v1/test_helpers/test_clocks/${clock.id}/advance`, {
      body: { frozen_time: iso(FROZEN_MS + 2 * DAY_MS) },
    });
    expect(second.status).toBe(409);
    expect(ErrorEnvelope.parse(await second.json()).error.code).toBe('test_clock_advancing');
    expect((await h.call('DELETE', `/v1/test_helpers/test_clocks/${clock.id}`)).status).toBe(409);
    release();
    expect((await first).status).toBe('ready');

    await h.db
      .update(testClocks)
      .set({ status: 'advancing', updatedAt: START_MS - 11 * 60_000 })
      .where(eq(testClocks.id, clock.id));
    const takeover = await h.json<{ status: string }>(
      'POST',
      `/v1/test_helpers/test_clocks/${clock.id}/advance`,
      { body: { frozen_time: iso(FROZEN_MS + 3 * DAY_MS) } },
    );
    expect(takeover.status).toBe('ready');
  });
});
