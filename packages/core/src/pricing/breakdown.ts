import type { Price, Tier } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { Decimal, roundMinor, toDecimal } from '../money/index.js';
import { compiledPrice, roundedAmount, type RatedUnits } from './compile.js';

/**
 * One part of a priced line, for display ("first 10,000 at 0, then 0.2 per call").
 * - `flat`: the flat model's amount (`units` = quantity, shown only).
 * - `units`: per-unit model.
 * - `packages`: package model; `units` counts packages, `unitAmountDecimal` is the package amount.
 * - `tier`: one reached tier of a graduated price, or the single tier of a volume price.
 * - `minimum`: the top-up that raises the line to the price's minimum amount.
 */
export interface PricePart {
  kind: 'flat' | 'units' | 'packages' | 'tier' | 'minimum';
  /** The tier's position in `model.tiers` for `tier` parts, else `null`. */
  tierIndex: number | null;
  units: number;
  /** Minor units per unit, exact decimal string (`"0.2"`); `"0"` when the part has none. */
  unitAmountDecimal: string;
  /** Integer minor units charged once for the part (a tier's flat fee), else 0. */
  flatAmount: number;
  /**
   * The part's exact amount in minor units as a decimal string: units × unit amount + flat
   * amount. Not rounded: a line is rounded once, on the sum of its parts.
   */
  amountDecimal: string;
}

/** A line's price, part by part, and what it rounds to. */
export interface PriceBreakdown {
  parts: PricePart[];
  /** Σ parts' `amountDecimal`, exact. */
  totalDecimal: string;
  /** `totalDecimal` rounded once with the money module's rule: the line amount, minor units. */
  amount: number;
}

/** Throws unless `quantity` is a non-negative safe integer. */
export function assertQuantity(quantity: number, param = 'quantity'): number {
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new InvalidInputError(`${param} must be a non-negative integer, got ${quantity}`, param);
  }
  return quantity;
}

function unitRate(holder: { unitAmount?: number; unitAmountDecimal?: string }): Decimal {
  if (holder.unitAmountDecimal !== undefined) return toDecimal(holder.unitAmountDecimal, 'unitAmountDecimal');
  return new Decimal(holder.unitAmount ?? 0);
}

/** A part and its exact amount, kept as a Decimal so the total is summed without reparsing. */
interface ExactPart {
  part: PricePart;
  amount: Decimal;
}

function part(kind: PricePart['kind'], tierIndex: number | null, units: number, rate: Decimal, flatAmount: number): ExactPart {
  const amount = rate.times(units).plus(flatAmount);
  return {
    part: { kind, tierIndex, units, unitAmountDecimal: rate.toString(), flatAmount, amountDecimal: amount.toString() },
    amount,
  };
}

/** Each unit at its own tier's rate; every tier reached adds its flat fee. Tier 0 is always reached. */
function graduatedParts(tiers: readonly Tier[], quantity: number): ExactPart[] {
  const parts: ExactPart[] = [];
  let lower = 0;
  for (const [i, tier] of tiers.entries()) {
    // The first tier is where a quantity of 0 falls, so its flat fee is a base fee.
    if (i > 0 && quantity <= lower) break;
    const upper = tier.upTo === null ? quantity : Math.min(quantity, tier.upTo);
    parts.push(part('tier', i, Math.max(upper - lower, 0), unitRate(tier), tier.flatAmount ?? 0));
    if (tier.upTo === null) break;
    lower = tier.upTo;
  }
  return parts;
}

/** All units at the rate of the tier the total falls in (`quantity ≤ upTo`, so a boundary stays in the lower tier). */
function volumeParts(tiers: readonly Tier[], quantity: number): ExactPart[] {
  const index = tiers.findIndex((t) => t.upTo === null || quantity <= t.upTo);
  const tier = tiers[index]!;
  return [part('tier', index, quantity, unitRate(tier), tier.flatAmount ?? 0)];
}

/**
 * The parts a quantity of `price` is made of for one period, their exact sum, and the line
 * amount it rounds to (raised to `minimumAmount` through a `minimum` part when lower).
 * Validates the price first, once per price object (prices are immutable once used).
 *
 * @example
 * // 10,000 included, then 0.2 cents per call: 12,500 calls
 * priceBreakdown({ …, model: { type: 'graduated', tiers: [
 *   { upTo: 10000, unitAmount: 0, flatAmount: 2900 }, { upTo: null, unitAmountDecimal: '0.2' }] } }, 12500)
 * // parts: tier 0 → "2900", tier 1 → 2500 × 0.2 = "500"; amount 3400
 */
export function priceBreakdown(price: Price, quantity: number): PriceBreakdown {
  assertQuantity(quantity);
  compiledPrice(price); // validates the price, once per price object
  const model = price.model;
  let parts: ExactPart[];
  switch (model.type) {
    case 'flat':
      parts = [part('flat', null, quantity, new Decimal(0), model.amount)];
      break;
    case 'per_unit':
      parts = [part('units', null, quantity, unitRate(model), 0)];
      break;
    case 'package': {
      const whole = Math.floor(quantity / model.packageSize);
      const packages = model.rounding === 'up' && whole * model.packageSize < quantity ? whole + 1 : whole;
      parts = [part('packages', null, packages, new Decimal(model.packageAmount), 0)];
      break;
    }
    case 'graduated':
      parts = graduatedParts(model.tiers, quantity);
      break;
    case 'volume':
      parts = volumeParts(model.tiers, quantity);
      break;
  }
  let total = parts.reduce((sum, p) => sum.plus(p.amount), new Decimal(0));
  let amount = roundMinor(total);
  const shown = parts.map((p) => p.part);
  const minimum = price.minimumAmount;
  if (minimum !== undefined && amount < minimum) {
    const topUp = new Decimal(minimum).minus(total);
    shown.push({ kind: 'minimum', tierIndex: null, units: 0, unitAmountDecimal: '0', flatAmount: 0, amountDecimal: topUp.toString() });
    total = new Decimal(minimum);
    amount = minimum;
  }
  return { parts: shown, totalDecimal: total.toString(), amount };
}

/** The units each reached rate applies to: the same tiers {@link priceBreakdown} shows. */
function ratedUnits(price: Price, quantity: number): RatedUnits[] {
  const model = price.model;
  switch (model.type) {
    case 'flat':
      return [{ index: 0, units: 0 }];
    case 'per_unit':
      return [{ index: 0, units: quantity }];
    case 'package': {
      const whole = Math.floor(quantity / model.packageSize);
      return [{ index: 0, units: model.rounding === 'up' && whole * model.packageSize < quantity ? whole + 1 : whole }];
    }
    case 'graduated': {
      const terms: RatedUnits[] = [];
      let lower = 0;
      for (let i = 0; i < model.tiers.length; i++) {
        const upTo = model.tiers[i]!.upTo;
        if (i > 0 && quantity <= lower) break;
        terms.push({ index: i, units: Math.max((upTo === null ? quantity : Math.min(quantity, upTo)) - lower, 0) });
        if (upTo === null) break;
        lower = upTo;
      }
      return terms;
    }
    case 'volume': {
      let i = 0;
      while (model.tiers[i]!.upTo !== null && quantity > model.tiers[i]!.upTo!) i++;
      return [{ index: i, units: quantity }];
    }
  }
}

/**
 * The line amount in integer minor units for `quantity` units of `price` over one period,
 * every pricing model, fractional unit amounts summed exactly and rounded once, raised to the
 * price's `minimumAmount`. `quantity` must be a non-negative safe integer (param `quantity`).
 * The same amount as {@link priceBreakdown}, computed in integers: the price is validated and
 * its decimal rates scaled to integers the first time the price object is seen.
 *
 * @example priceAmount(perUnit('0.35'), 1001) // 1001 × 0.35 = 350.35 → 350
 */
export function priceAmount(price: Price, quantity: number): number {
  assertQuantity(quantity);
  const amount = roundedAmount(compiledPrice(price), ratedUnits(price, quantity));
  // Out of the safe range: the breakdown throws the error it always has.
  if (amount === null) return priceBreakdown(price, quantity).amount;
  const minimum = price.minimumAmount;
  return minimum !== undefined && amount < minimum ? minimum : amount;
}
