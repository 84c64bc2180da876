import { InvalidInputError } from '../errors/index.js';
import { addIntervals, assertInstant } from '../time/index.js';
import { MAX_TRIAL_DAYS } from './validate.js';

/**
 * The instant a trial of `trialDays` calendar days started at `startMs` ends, counted in
 * `timeZone` so a trial keeps its wall-clock time across a DST change (default UTC).
 * 0 days ends at once.
 */
export function trialEnd(startMs: number, trialDays: number, timeZone = 'UTC'): number {
  assertInstant(startMs, 'startMs');
  if (!Number.isSafeInteger(trialDays) || trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
    throw new InvalidInputError(`trialDays must be an integer from 0 to ${MAX_TRIAL_DAYS}`, 'trialDays');
  }
  const endMs = addIntervals(startMs, { unit: 'day', count: 1 }, trialDays, timeZone);
  // An unknown time zone yields an invalid date rather than an exception.
  if (!Number.isSafeInteger(endMs)) throw new InvalidInputError(`Unknown time zone: ${timeZone}`, 'timeZone');
  return endMs;
}
