import type { NumberCheck } from '../types.js';

/** A check that is only a pattern: for numbers whose check digits are not published. */
function pattern(re: RegExp): NumberCheck {
  return (body) => (re.test(body) ? undefined : 'format');
}

/** Iceland, VSK-númer: 5 or 6 digits (RSK). */
export const checkIs = pattern(/^\d{5,6}$/);

/**
 * New Zealand, GST number = IRD number: 8 or 9 digits (IRD). IRD publishes its check digit
 * only in a developer spec under licence, so we check the shape.
 */
export const checkNz = pattern(/^\d{8,9}$/);

/**
 * Singapore, UEN (ACRA): 9 characters for businesses (8 digits + letter), 10 for local
 * companies (year + 5 digits + letter) and other entities (T/S/R + 2-digit year + 2-letter
 * entity type + 4 digits + letter). ACRA publishes no check algorithm.
 */
export const checkSgUen = pattern(/^(\d{8}[A-Z]|\d{9}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z])$/);

/**
 * Singapore, GST registration number (IRAS): "M" + 8 characters + letter for entities without
 * a UEN (`M2-1234567-X`, `MR-8500053-6`…), or the UEN itself.
 */
export const checkSgGst: NumberCheck = (body) =>
  /^M[0-9A-Z]\d{7}[0-9A-Z]$/.test(body) ? undefined : checkSgUen(body);

/** South Korea, business registration number (사업자등록번호): 10 digits, `123-45-67890`. */
export const checkKr = pattern(/^\d{10}$/);

/** Türkiye, vergi kimlik numarası: 10 digits. */
export const checkTr = pattern(/^\d{10}$/);

/**
 * United States, EIN: 9 digits, `12-3456789`; the IRS never issues prefix 00.
 * The prefix tables change with IRS campus reassignments, so only 00 is rejected.
 */
export const checkUs = pattern(/^(?!00)\d{9}$/);
