import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { InvalidInputError } from '../errors/index.js';
import { assertMinor } from '../money/index.js';
import { assertInstant, assertTimeZone } from '../time/index.js';
import { localDateIso, type RecognizableLine, type RevenueEntry } from './schedule.js';

/**
 * The revenue schedule of a usage (metered) line: recognized **at delivery**. Usage billed in
 * arrears is fully delivered when its period closes, so under ASC 606 / IFRS 15 nothing is
 * deferred: the whole net amount is one entry on the local day of the period's last instant,
 * delivered at `period.endMs`.
 *
 * @example
 * // 12,500 API calls billed for March: all 3400 recognized on 2024-03-31
 * usageRevenueSchedule({ netAmount: 3400, period: { startMs: mar1, endMs: apr1 } })
 */
export function usageRevenueSchedule(line: RecognizableLine, timeZone = 'UTC'): RevenueEntry[] {
  assertMinor(line.netAmount, 'netAmount');
  const { startMs, endMs } = line.period;
  assertInstant(startMs, 'period.startMs');
  assertInstant(endMs, 'period.endMs');
  assertTimeZone(timeZone);
  if (endMs <= startMs) throw new InvalidInputError('A service period must end after it starts', 'period');
  // The period is half-open: an end at midnight belongs to the day before.
  const day = startOfDay(new TZDate(endMs - 1, timeZone));
  return [
    {
      dateIso: localDateIso(day),
      dayStartMs: day.getTime(),
      amount: line.netAmount,
      seconds: Math.floor(endMs / 1000) - Math.floor(startMs / 1000),
      serviceEndMs: endMs,
    },
  ];
}
