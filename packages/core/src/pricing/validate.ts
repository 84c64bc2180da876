import type { Price, PricingModel, Tier } from '../catalog/index.js';
import { InvalidInputError } from '../errors/index.js';
import { isCurrencyCode, isDecimalString, toDecimal } from '../money/index.js';
import { assertInterval } from '../time/index.js';

const taxBehaviors: readonly string[] = ['inclusive', 'exclusive', 'unspecified'];
const usageTypes: readonly string[] = ['licensed', 'metered'];
const aggregations: readonly string[] = ['sum', 'max', 'last', 'count_unique'];

/** The longest free trial a price may offer: two years covers every plan seen in practice. */
export const MAX_TRIAL_DAYS = 730;

function fail(message: string, param: string): never {
  throw new InvalidInputError(message, param);
}

/** A non-negative integer number of minor units. */
function checkAmount(value: unknown, param: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(`${param} must be a non-negative integer number of minor units`, param);
  }
}

/** A non-negative decimal string of minor units, e.g. `"0.35"`. */
function checkDecimal(value: unknown, param: string): void {
  if (typeof value !== 'string' || !isDecimalString(value)) fail(`${param} must be a decimal string like "0.35"`, param);
  if (toDecimal(value, param).lt(0)) fail(`${param} must not be negative`, param);
}

/** Exactly one way of stating a per-unit amount (integer or decimal), or none when `optional`. */
function checkUnitAmount(
  holder: { unitAmount?: number | undefined; unitAmountDecimal?: string | undefined },
  param: string,
  optional: boolean,
): void {
  const hasInt = holder.unitAmount !== undefined;
  const hasDec = holder.unitAmountDecimal !== undefined;
  if (hasInt && hasDec) fail(`${param} sets both unitAmount and unitAmountDecimal; set one`, `${param}.unitAmountDecimal`);
  if (!hasInt && !hasDec && !optional) fail(`${param} needs unitAmount or unitAmountDecimal`, `${param}.unitAmount`);
  if (hasInt) checkAmount(holder.unitAmount, `${param}.unitAmount`);
  if (hasDec) checkDecimal(holder.unitAmountDecimal, `${param}.unitAmountDecimal`);
}

function checkTiers(tiers: unknown, param: string): void {
  if (!Array.isArray(tiers) || tiers.length === 0) fail(`${param} must be a non-empty list`, param);
  let previous = 0;
  (tiers as Tier[]).forEach((tier, i) => {
    const at = `${param}[${i}]`;
    const last = i === tiers.length - 1;
    if (last) {
      if (tier.upTo !== null) fail(`${at}.upTo must be null: the last tier has no upper bound`, `${at}.upTo`);
    } else if (tier.upTo === null) {
      fail(`${at}.upTo may be null only on the last tier`, `${at}.upTo`);
    } else if (!Number.isSafeInteger(tier.upTo) || tier.upTo <= previous) {
      fail(`${at}.upTo must be an integer greater than ${previous} (tiers ascend)`, `${at}.upTo`);
    } else {
      previous = tier.upTo;
    }
    checkUnitAmount(tier, at, tier.flatAmount !== undefined);
    if (tier.flatAmount !== undefined) checkAmount(tier.flatAmount, `${at}.flatAmount`);
  });
}

/** Throws {@link InvalidInputError} (with the param at fault) unless `model` is a well-formed pricing model. */
export function validatePricingModel(model: PricingModel, param = 'model'): void {
  switch (model.type) {
    case 'flat':
      checkAmount(model.amount, `${param}.amount`);
      return;
    case 'per_unit':
      checkUnitAmount(model, param, false);
      return;
    case 'package':
      checkAmount(model.packageAmount, `${param}.packageAmount`);
      if (!Number.isSafeInteger(model.packageSize) || model.packageSize < 1) {
        fail(`${param}.packageSize must be a positive integer`, `${param}.packageSize`);
      }
      if (model.rounding !== 'up' && model.rounding !== 'down') fail(`${param}.rounding must be 'up' or 'down'`, `${param}.rounding`);
      return;
    case 'graduated':
    case 'volume':
      checkTiers(model.tiers, `${param}.tiers`);
      return;
    default:
      fail(`${param}.type must be one of flat, per_unit, package, graduated, volume`, `${param}.type`);
  }
}

/**
 * Throws {@link InvalidInputError} with a precise `param` (`model.tiers[2].upTo`,
 * `recurring.aggregation`…) unless `price` is well formed: a known currency, a valid model,
 * ascending tiers ending in an unbounded one, non-negative integer amounts, valid decimal
 * strings, a valid recurring interval, an aggregation only on metered prices.
 */
export function validatePrice(price: Price): void {
  if (typeof price.id !== 'string' || price.id === '') fail('id must be a non-empty string', 'id');
  if (typeof price.productId !== 'string' || price.productId === '') fail('productId must be a non-empty string', 'productId');
  if (typeof price.currency !== 'string' || !isCurrencyCode(price.currency)) fail(`currency is not an ISO 4217 code: ${String(price.currency)}`, 'currency');
  if (price.model === null || typeof price.model !== 'object') fail('model is required', 'model');
  validatePricingModel(price.model);
  if (!taxBehaviors.includes(price.taxBehavior)) fail(`taxBehavior must be one of ${taxBehaviors.join(', ')}`, 'taxBehavior');
  if (price.minimumAmount !== undefined) checkAmount(price.minimumAmount, 'minimumAmount');
  if (price.trialDays !== undefined) {
    if (!Number.isSafeInteger(price.trialDays) || price.trialDays < 0 || price.trialDays > MAX_TRIAL_DAYS) {
      fail(`trialDays must be an integer from 0 to ${MAX_TRIAL_DAYS}`, 'trialDays');
    }
    // A one-time purchase has nothing to try first.
    if (price.recurring === null && price.trialDays > 0) fail('trialDays needs a recurring price', 'trialDays');
  }
  if (price.taxCode !== undefined && (typeof price.taxCode !== 'string' || price.taxCode === '')) {
    fail('taxCode must be a non-empty string when set', 'taxCode');
  }
  const recurring = price.recurring;
  if (recurring === null) return;
  if (typeof recurring !== 'object') fail('recurring must be an object or null', 'recurring');
  if (recurring.interval === null || typeof recurring.interval !== 'object') fail('recurring.interval is required', 'recurring.interval');
  assertInterval(recurring.interval, 'recurring.interval');
  if (!usageTypes.includes(recurring.usageType)) fail(`recurring.usageType must be licensed or metered`, 'recurring.usageType');
  if (recurring.aggregation !== undefined) {
    if (recurring.usageType !== 'metered') fail('recurring.aggregation is only for metered prices', 'recurring.aggregation');
    if (!aggregations.includes(recurring.aggregation)) {
      fail(`recurring.aggregation must be one of ${aggregations.join(', ')}`, 'recurring.aggregation');
    }
  }
  // A flat fee does not depend on usage, so billing it in arrears as "metered" is a catalog mistake.
  if (recurring.usageType === 'metered' && price.model.type === 'flat') {
    fail('a metered price cannot use the flat model', 'model.type');
  }
}
