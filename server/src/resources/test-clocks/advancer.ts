import type { Db } from '../../db/client.js';

/** What one advance of a test clock asks its steps to do. */
export interface TestClockAdvance {
  clockId: string;
  /** The frozen time before the advance (exclusive: already processed). */
  fromMs: number;
  /** The target frozen time (inclusive: everything due at or before it runs). */
  toMs: number;
  /** Always false: test clocks exist in test mode only. */
  livemode: boolean;
  /**
   * Moves the clock's frozen time forward to `ms` (fromMs ≤ ms ≤ toMs, never back) while the
   * steps run, so `clockFor(customer)` answers the instant being processed: a renewal due at
   * t is billed "at" t. Steps call it before handling each due item, in time order.
   */
  moveTo(ms: number): Promise<void>;
}

/**
 * One step of an advance: runs everything of one kind due in (fromMs, toMs] (renewals, trial
 * ends, payment retries, bank transfers settling…), in time order. Steps get the database, not
 * a transaction: each due item is its own business operation with its own transaction. Steps
 * run one after another in the order given; a step that throws stops the advance, and the clock
 * returns to `ready` at the last instant moved to (finished work stays committed).
 *
 * @example const renewals: TestClockAdvancer = async (db, { clockId, toMs, moveTo }) => { … };
 */
export type TestClockAdvancer = (db: Db, advance: TestClockAdvance) => Promise<void>;
