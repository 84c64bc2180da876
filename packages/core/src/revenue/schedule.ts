import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { InvalidInputError } from '../errors/index.js';
import { allocate, assertMinor } from '../money/index.js';
import { assertInstant, assertTimeZone, type Period } from '../time/index.js';

/** What revenue recognition needs of an invoice line: its net amount and its service period. */
export interface RecognizableLine {
  /** Net of discounts, excluding tax, integer minor units; negative for credits. */
  netAmount: number;
  period: Period;
}

/** The revenue of one calendar day (in the schedule's time zone). */
export interface RevenueEntry {
  /** The local day, `YYYY-MM-DD`. */
  dateIso: string;
  /** Local midnight of the day (the first instant of the day when DST skips midnight). */
  dayStartMs: number;
  /** Integer minor units recognized for the day; the entries of a schedule sum to the line's net amount. */
  amount: number;
  /** Whole seconds of the service period that fall in this day: the entry's allocation weight. */
  seconds: number;
  /** When the day's share of the service has been delivered: the earlier of the day's end and the period's end. */
  serviceEndMs: number;
}

/** A ten-year period is 3,653 days; anything far beyond is a mistake, not a subscription. */
const MAX_DAYS = 36_600;

/** `YYYY-MM-DD` of a local date. */
export function localDateIso(date: Date): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/**
 * The daily revenue schedule of a line: its net amount recognized **ratably over the service
 * period**, as ASC 606 and IFRS 15 require for a stand-ready obligation satisfied over time (a
 * subscription is delivered evenly, so revenue follows elapsed time, not billing or payment).
 *
 * Each calendar day of `timeZone` that overlaps `[period.startMs, period.endMs)` gets a share
 * proportional to the whole seconds of the period inside it: a 23-hour DST day weighs 23/24 of
 * a normal day, a first day that starts at 18:00 weighs 6 hours. Shares are split by
 * largest-remainder allocation, so the entries sum to `netAmount` exactly (credits, negative
 * amounts, are unrecognized the same way). Amounts billed for a period and recognized over it
 * are deferred revenue until each day's service has been delivered (see `recognizedThrough`).
 *
 * @param timeZone IANA zone whose calendar days the revenue is booked on (the seller's books).
 * @throws InvalidInputError for a non-integer amount, invalid instants, a period shorter than one
 *   second, a period of more than 36,600 days, or an unknown time zone.
 *
 * @example
 * // €30.00 over Apr 1–May 1 2024 (30 days): 100 minor units a day
 * revenueSchedule({ netAmount: 3000, period: { startMs: Date.UTC(2024, 3, 1), endMs: Date.UTC(2024, 4, 1) } })
 */
export function revenueSchedule(line: RecognizableLine, timeZone = 'UTC'): RevenueEntry[] {
  assertMinor(line.netAmount, 'netAmount');
  const { startMs, endMs } = line.period;
  assertInstant(startMs, 'period.startMs');
  assertInstant(endMs, 'period.endMs');
  assertTimeZone(timeZone);
  // Seconds, as in proration: milliseconds are not billable, so they are not recognizable either.
  if (Math.floor(endMs / 1000) <= Math.floor(startMs / 1000)) {
    throw new InvalidInputError('A service period must span at least one whole second', 'period');
  }

  // A day is at most 25 hours, so this rejects absurd periods before building their days.
  if (endMs - startMs > MAX_DAYS * 25 * 3_600_000) {
    throw new InvalidInputError(`A service period may span at most ${MAX_DAYS} days`, 'period');
  }
  const days: Omit<RevenueEntry, 'amount'>[] = [];
  let day: Date = startOfDay(new TZDate(startMs, timeZone));
  while (day.getTime() < endMs) {
    if (days.length >= MAX_DAYS)
      throw new InvalidInputError(`A service period may span at most ${MAX_DAYS} days`, 'period');
    const next = addDays(day, 1);
    const fromMs = Math.max(day.getTime(), startMs);
    const toMs = Math.min(next.getTime(), endMs);
    // Day boundaries are whole seconds, so these per-day seconds add up to the period's seconds.
    const seconds = Math.floor(toMs / 1000) - Math.floor(fromMs / 1000);
    if (seconds > 0) {
      days.push({ dateIso: localDateIso(day), dayStartMs: day.getTime(), seconds, serviceEndMs: toMs });
    }
    day = next;
  }
  const amounts = allocate(
    line.netAmount,
    days.map((d) => d.seconds),
  );
  return days.map((d, i) => ({ ...d, amount: amounts[i]! }));
}
