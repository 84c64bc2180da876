import type { TestClock } from '@abona/api';
import { toIso } from '@abona/core';
import type { TestClockRow } from './repository.js';

/** A test clock as the API shows it. */
export function toTestClock(row: TestClockRow): TestClock {
  return {
    id: row.id,
    object: 'test_clock',
    name: row.name,
    frozen_time: toIso(row.frozenTime),
    status: row.status,
    livemode: false,
    created: toIso(row.createdAt),
  };
}
