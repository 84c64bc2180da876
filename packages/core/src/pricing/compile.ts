import type { Price, Tier } from '../catalog/index.js';
import { divideRoundHalfUp } from '../money/index.js';
import { validatePrice } from './validate.js';

/**
 * A price validated once, its unit amounts scaled to integers over one power of ten: with
 * `"0.2"` and `"0.0035"` among its rates every rate is counted in 1/10^4 minor units (2000 and
 * 35). A line is then an exact integer sum, rounded once by integer division, the same
 * half-up rule and result as summing the decimals and rounding.
 */
export interface CompiledPrice {
  /** 10^decimals as a BigInt, and as a number when it is a safe integer (else `null`). */
  scaleBig: bigint;
  scale: number | null;
  /** Per tier (one entry for per_unit, package and flat), in 1/scale minor units. */
  ratesBig: bigint[];
  rates: (number | null)[];
  /** Flat fees in 1/scale minor units: the tiers' flat amounts, the flat model's amount. */
  flatsBig: bigint[];
  flats: (number | null)[];
}

/**
 * Prices already validated and compiled. A price is immutable once used (see `Price`): a
 * change is a new price object, so the first check of an object stands for its lifetime.
 * A WeakMap, so a price no one holds any more is not kept alive by this cache.
 */
const compiledPrices = new WeakMap<Price, CompiledPrice>();

/** A validated unit amount as a digit string and its number of decimals: `"0.0035"` → 35 over 10^4. */
function unitDigits(holder: { unitAmount?: number; unitAmountDecimal?: string }): { digits: bigint; decimals: number } {
  const text = holder.unitAmountDecimal;
  if (text === undefined) return { digits: BigInt(holder.unitAmount ?? 0), decimals: 0 };
  // Validation let a minus sign through only on a zero ("-0.00").
  if (text.startsWith('-')) return { digits: 0n, decimals: 0 };
  const point = text.indexOf('.');
  if (point === -1) return { digits: BigInt(text), decimals: 0 };
  return { digits: BigInt(text.slice(0, point) + text.slice(point + 1)), decimals: text.length - point - 1 };
}

const safeNumber = (value: bigint): number | null => (value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null);

function compile(price: Price): CompiledPrice {
  const model = price.model;
  let units: { digits: bigint; decimals: number }[];
  let flatAmounts: number[];
  switch (model.type) {
    case 'flat':
      units = [{ digits: 0n, decimals: 0 }];
      flatAmounts = [model.amount];
      break;
    case 'per_unit':
      units = [unitDigits(model)];
      flatAmounts = [0];
      break;
    case 'package':
      units = [{ digits: BigInt(model.packageAmount), decimals: 0 }];
      flatAmounts = [0];
      break;
    case 'graduated':
    case 'volume':
      units = model.tiers.map((tier: Tier) => unitDigits(tier));
      flatAmounts = model.tiers.map((tier: Tier) => tier.flatAmount ?? 0);
      break;
  }
  const decimals = Math.max(...units.map((u) => u.decimals));
  const scaleBig = 10n ** BigInt(decimals);
  const ratesBig = units.map((u) => u.digits * 10n ** BigInt(decimals - u.decimals));
  const flatsBig = flatAmounts.map((flat) => BigInt(flat) * scaleBig);
  return { scaleBig, scale: safeNumber(scaleBig), ratesBig, rates: ratesBig.map(safeNumber), flatsBig, flats: flatsBig.map(safeNumber) };
}

/**
 * The compiled form of `price`, validating it the first time this object is seen (throws
 * `validatePrice`'s {@link InvalidInputError}; a price that fails is checked again next time).
 */
export function compiledPrice(price: Price): CompiledPrice {
  let compiled = compiledPrices.get(price);
  if (compiled === undefined) {
    validatePrice(price);
    compiled = compile(price);
    compiledPrices.set(price, compiled);
  }
  return compiled;
}

/** Units of one reached tier (or of the single rate of a non-tiered model), by rate index. */
export interface RatedUnits {
  index: number;
  units: number;
}

/**
 * `Σ units × rate + flat` over the terms, in 1/scale minor units, rounded half-up to minor
 * units: in plain numbers while every partial sum is a safe integer (all terms are
 * non-negative, so a sum past 2^53 shows as one), in BigInt beyond. `null` when the amount
 * itself is not a safe integer: the caller reports that the way it always has.
 */
export function roundedAmount(compiled: CompiledPrice, terms: readonly RatedUnits[]): number | null {
  const scale = compiled.scale;
  if (scale !== null) {
    let total = 0;
    let exact = true;
    for (let k = 0; k < terms.length && exact; k++) {
      const { index, units } = terms[k]!;
      const rate = compiled.rates[index]!;
      const flat = compiled.flats[index]!;
      if (rate === null || flat === null) exact = false;
      else total += units * rate + flat;
      if (total > Number.MAX_SAFE_INTEGER) exact = false;
    }
    if (exact) {
      // Two safe integers: the floored quotient and the remainder are exact.
      const quotient = Math.floor(total / scale);
      return 2 * (total - quotient * scale) >= scale ? quotient + 1 : quotient;
    }
  }
  let total = 0n;
  for (const { index, units } of terms) total += BigInt(units) * compiled.ratesBig[index]! + compiled.flatsBig[index]!;
  const amount = Number(divideRoundHalfUp(total, compiled.scaleBig));
  return Number.isSafeInteger(amount) ? amount : null;
}
