import type { Clock } from '../../clock/index.js';
import type { Db, Executor } from '../../db/client.js';
import { testClockRepository } from './repository.js';

/** A clock stopped at `frozenMs`: what an object attached to a test clock reads as "now". */
export function frozenClock(frozenMs: number): Clock {
  return { now: () => frozenMs };
}

/**
 * "Now" per customer: a customer (or subscription) attached to a test clock lives at the
 * clock's frozen time; everything else at the system clock. Services doing business with a
 * customer (renewals, trial ends, retries, invoice dates) ask here instead of using the app
 * clock. Auth and expiry of codes and tokens stay on the system clock.
 */
export interface Clocks {
  /** The clock customer `customerId` lives by. Pass the transaction when inside one. */
  clockFor(customerId: string, executor?: Executor): Promise<Clock>;
  /** The clock of an object that stores its `test_clock_id` (subscriptions): null → system clock. */
  clockForTestClock(testClockId: string | null, executor?: Executor): Promise<Clock>;
}

/**
 * @example const clock = await services.clocks.clockFor(subscription.customerId, tx); clock.now();
 */
export function createClocks(db: Db, systemClock: Clock): Clocks {
  return {
    async clockFor(customerId, executor = db) {
      const clock = await testClockRepository(executor).clockOfCustomer(customerId);
      return clock ? frozenClock(clock.frozenTime) : systemClock;
    },
    async clockForTestClock(testClockId, executor = db) {
      if (testClockId === null) return systemClock;
      const frozenMs = await testClockRepository(executor).frozenTimeOf(testClockId);
      return frozenMs === undefined ? systemClock : frozenClock(frozenMs);
    },
  };
}
