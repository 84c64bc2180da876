import { InvalidInputError } from '../errors/index.js';
import { taxIdRules, type TaxIdRule } from './rules.js';
import type { TaxIdType, TaxIdValidation } from './types.js';

/** Whitespace (incl. no-break spaces), dots, and the dash family people paste from documents. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/gu;

function ruleFor(type: TaxIdType): TaxIdRule {
  const rule = Object.hasOwn(taxIdRules, type) ? taxIdRules[type] : undefined;
  if (rule === undefined) throw new InvalidInputError(`unknown tax id type ${String(type)}`, 'type');
  return rule;
}

function requireString(value: string): string {
  if (typeof value !== 'string') throw new InvalidInputError('a tax id must be a string', 'value');
  return value;
}

/**
 * The canonical form of a tax id: upper case, without spaces, dots or dashes, with the
 * type's fixed parts in place (`GB` before a UK number, `CHE…` and its language suffix,
 * `NO…MVA`, `EL` for a Greek number typed as `GR`, the leading 0 of an old Belgian number).
 * Idempotent; does not validate.
 *
 * @example normalizeTaxId('ch_vat', 'CHE-116.281.710 MWST') // 'CHE116281710MWST'
 * @throws InvalidInputError (`type`) for a type we do not know.
 */
export function normalizeTaxId(type: TaxIdType, value: string): string {
  const rule = ruleFor(type);
  return rule.canonical(requireString(value).toUpperCase().replace(SEPARATORS, ''));
}

/**
 * Validates a tax id's format and, where the issuing authority publishes the algorithm, its
 * check digits. This is a typo filter, not proof of registration: that is a
 * {@link TaxIdVerifier}'s job.
 *
 * @example validateTaxId('eu_vat', 'ro 18547290') // { valid: true, normalized: 'RO18547290', country: 'RO' }
 * @throws InvalidInputError (`type`) for a type we do not know.
 */
export function validateTaxId(type: TaxIdType, value: string): TaxIdValidation {
  const normalized = normalizeTaxId(type, value);
  const { country, reason } = ruleFor(type).check(normalized);
  return reason === undefined ? { valid: true, normalized, country } : { valid: false, normalized, country, reason };
}
