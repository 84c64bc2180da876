import type { NumberCheck } from '../types.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Mexico, RFC: 3 letters (legal entities, 12 characters) or 4 letters (individuals, 13), the
 * registration date YYMMDD, and a 3-character homoclave. Letters include Ñ and &.
 * Format only: the homoclave's check character is computed from data we do not have (SAT
 * publishes no standalone algorithm for it). The date must exist; with a 2-digit year we cannot
 * tell 1900 from 2000, so 29 February is accepted in every year divisible by 4 (and 00).
 */
export const checkMx: NumberCheck = (body) => {
  const match = /^[A-ZÑ&]{3,4}(\d{2})(\d{2})(\d{2})[A-Z0-9]{3}$/.exec(body);
  if (!match) return 'format';
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const maxDay = month === 2 && year % 4 !== 0 ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= maxDay ? undefined : 'format';
};
