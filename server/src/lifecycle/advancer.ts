import type { TestClockAdvancer } from '../resources/test-clocks/advancer.js';
import { createRunCache, type LifecycleDeps } from './context.js';
import { lifecycleRepository } from './repository.js';
import { runDue } from './run.js';

/**
 * The lifecycle's step of a test-clock advance: everything due for the clock's subscriptions
 * in (from, to], in time order — renewals, trial ends, reminders, scheduled downgrades,
 * resumes, dunning retries — over any distance in one call. It loops: the next due instant
 * ≤ target, move the clock there, run what is due at that instant (and settle bank transfers
 * and debits due by then), again; then the target itself, with revenue recognition.
 *
 * @param settle the billing module's `settlePending` (bank transfers, SEPA debits).
 */
export function lifecycleAdvancer(deps: LifecycleDeps, settle?: (atMs: number) => Promise<unknown>): TestClockAdvancer {
  return async (db, { clockId, fromMs, toMs, moveTo }) => {
    const scope = { testClockId: clockId };
    const cache = createRunCache();
    const at = async (ms: number, revenue: boolean) => {
      if (settle) await settle(ms);
      await runDue({ ...deps, db }, { nowMs: ms, livemode: false, scope, cache, revenue });
    };
    // Anything already due at the old time (a subscription created "now") first.
    await at(fromMs, false);
    let nowMs = fromMs;
    for (;;) {
      const next = await lifecycleRepository.nextDueOfClock(db, clockId, nowMs, toMs);
      if (next === undefined) break;
      await moveTo(next);
      nowMs = next;
      await at(next, false);
    }
    await moveTo(toMs);
    await at(toMs, true);
  };
}
