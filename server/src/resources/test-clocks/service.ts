import type { TestClockAdvanceParams, TestClockCreateParams, TestClockListParams } from '@abona/api';
import { fromIso, toIso } from '@abona/core';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import { Conflict, Forbidden, InvalidRequest, NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import type { TestClockAdvancer } from './advancer.js';
import { testClockRepository, type TestClockRepository, type TestClockRow } from './repository.js';
import { toTestClock } from './serialize.js';

export interface TestClockServiceDeps {
  db: Db;
  /** The system clock: when things happened for real (`created`, `updated_at`, event times). */
  clock: Clock;
  ids: IdGenerator;
  /** Run in this order on every advance; the lifecycle engine plugs its steps in here. */
  advancers?: readonly TestClockAdvancer[];
  /** An `advancing` clock untouched this long is taken to be from a crashed advance. Default 10 min. */
  staleAdvanceMs?: number;
}

/** Thrown for any test-clock call with a live key. */
export function assertTestMode(livemode: boolean): void {
  if (livemode)
    throw new Forbidden('Test clocks exist only in test mode: use a sk_test_ key', 'test_mode_only');
}

/** Test clocks: create, read, delete, and advance (forward only), test mode only. */
export function testClockService(deps: TestClockServiceDeps) {
  const { db, clock, ids } = deps;
  const advancers = deps.advancers ?? [];
  const staleAdvanceMs = deps.staleAdvanceMs ?? 10 * 60 * 1000;

  async function event(
    repo: TestClockRepository,
    type: string,
    row: TestClockRow,
    dedupeKey: string,
  ): Promise<void> {
    await repo.recordEvent({
      id: ids.next('evt'),
      livemode: false,
      createdAt: clock.now(),
      type,
      data: toTestClock(row),
      dedupeKey,
      dispatchedAt: null,
    });
  }

  async function retrieve(livemode: boolean, id: string): Promise<TestClockRow> {
    assertTestMode(livemode);
    const row = await testClockRepository(db).find(id);
    if (!row) throw new NotFound('test clock', id);
    return row;
  }

  return {
    retrieve,

    async create(livemode: boolean, params: TestClockCreateParams): Promise<TestClockRow> {
      assertTestMode(livemode);
      const frozenMs = fromIso(params.frozen_time, 'frozen_time');
      const nowMs = clock.now();
      const row: TestClockRow = {
        id: ids.next('tc'),
        livemode: false,
        createdAt: nowMs,
        updatedAt: nowMs,
        name: params.name ?? null,
        frozenTime: frozenMs,
        status: 'ready',
        deletedAt: null,
      };
      await db.transaction(async (tx) => {
        const repo = testClockRepository(tx);
        await repo.insert(row);
        await event(repo, 'test_helpers.test_clock.created', row, `test_clock.created:${row.id}`);
      });
      return row;
    },

    async list(livemode: boolean, params: TestClockListParams): Promise<Page<TestClockRow>> {
      assertTestMode(livemode);
      return testClockRepository(db).list(pageRequest(params));
    },

    /** Deletes the clock and the customers attached to it (their invoices and payments stay). */
    async remove(livemode: boolean, id: string): Promise<void> {
      assertTestMode(livemode);
      await db.transaction(async (tx) => {
        const repo = testClockRepository(tx);
        const row = await repo.find(id);
        if (!row) throw new NotFound('test clock', id);
        if (row.status === 'advancing' && row.updatedAt > clock.now() - staleAdvanceMs) {
          throw new Conflict(
            'The test clock is advancing; delete it once it is ready',
            'test_clock_advancing',
          );
        }
        await repo.remove(id, clock.now());
        await event(repo, 'test_helpers.test_clock.deleted', row, `test_clock.deleted:${id}`);
      });
    },

    /**
     * Moves the clock forward to `frozen_time` and runs every advancer step, in order, over
     * (old frozen time, new frozen time]. The clock is `advancing` while they run and `ready`
     * at the new time after; the call returns when everything due has run.
     *
     * @throws InvalidRequest (`frozen_time`) unless the new time is after the current one.
     * @throws Conflict (`test_clock_advancing`) while another advance runs.
     */
    async advance(livemode: boolean, id: string, params: TestClockAdvanceParams): Promise<TestClockRow> {
      assertTestMode(livemode);
      const toMs = fromIso(params.frozen_time, 'frozen_time');
      const claimed = await db.transaction(async (tx) => {
        const repo = testClockRepository(tx);
        const row = await repo.find(id);
        if (!row) throw new NotFound('test clock', id);
        const nowMs = clock.now();
        const stale = row.updatedAt <= nowMs - staleAdvanceMs;
        if (row.status === 'advancing' && !stale) {
          throw new Conflict(
            'The test clock is already advancing; retry once it is ready',
            'test_clock_advancing',
          );
        }
        if (toMs <= row.frozenTime) {
          throw new InvalidRequest(
            `frozen_time must be after the clock's current time (${toIso(row.frozenTime)}): test clocks only move forward`,
            'frozen_time',
          );
        }
        const advancing = await repo.claimAdvance(id, nowMs, nowMs - staleAdvanceMs);
        if (!advancing)
          throw new Conflict(
            'The test clock is already advancing; retry once it is ready',
            'test_clock_advancing',
          );
        await event(
          repo,
          'test_helpers.test_clock.advancing',
          advancing,
          `test_clock.advancing:${id}:${row.frozenTime}:${toMs}`,
        );
        return { fromMs: row.frozenTime, row: advancing };
      });

      const { fromMs } = claimed;
      let reachedMs = fromMs;
      const moveTo = async (ms: number): Promise<void> => {
        if (!Number.isSafeInteger(ms) || ms < reachedMs || ms > toMs) {
          throw new RangeError(
            `moveTo(${ms}) is outside [${reachedMs}, ${toMs}]: a test clock only moves forward, up to its target`,
          );
        }
        if (!(await testClockRepository(db).moveTo(id, ms, clock.now())))
          throw new Error(`test clock ${id} is no longer advancing`);
        reachedMs = ms;
      };
      try {
        for (const step of advancers) await step(db, { clockId: id, fromMs, toMs, livemode: false, moveTo });
      } catch (error) {
        await testClockRepository(db).markReady(id, clock.now());
        throw error;
      }
      return db.transaction(async (tx) => {
        const repo = testClockRepository(tx);
        const ready = await repo.markReady(id, clock.now(), toMs);
        if (!ready) throw new NotFound('test clock', id);
        await event(repo, 'test_helpers.test_clock.ready', ready, `test_clock.ready:${id}:${toMs}`);
        return ready;
      });
    },
  };
}
export type TestClockService = ReturnType<typeof testClockService>;
