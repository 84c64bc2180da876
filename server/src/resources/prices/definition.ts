import type { CurrencyOptionParams, PriceCreateParams, TierParams } from '@abona/api';
import { isCurrencyCode } from '@abona/core';
import type { CurrencyOptionJson, PriceRow, TierJson } from '../../db/schema.js';
import { InvalidRequest } from '../../errors/index.js';

/** The immutable part of a price: what it charges, how often, in which currencies. */
export type PriceDefinition = Pick<
  PriceRow,
  | 'currency'
  | 'type'
  | 'billingScheme'
  | 'unitAmount'
  | 'unitAmountDecimal'
  | 'tiersMode'
  | 'tiers'
  | 'transformDivideBy'
  | 'transformRound'
  | 'recurringInterval'
  | 'recurringIntervalCount'
  | 'recurringUsageType'
  | 'recurringAggregateUsage'
  | 'taxBehavior'
  | 'currencyOptions'
  | 'minimumAmount'
  | 'trialPeriodDays'
  | 'taxCode'
>;

/** Upper-cases and checks an ISO 4217 code. */
export function normalizeCurrency(currency: string, param: string): string {
  const code = currency.toUpperCase();
  if (!isCurrencyCode(code)) throw new InvalidRequest(`Unknown currency: '${currency}'`, param, 'invalid_currency');
  return code;
}

/** One way to state a unit amount: both or (unless optional) neither is a 400. */
function unitAmountOf(
  holder: { unit_amount?: number | undefined; unit_amount_decimal?: string | undefined },
  prefix: string,
  optional: boolean,
): { unitAmount: number | null; unitAmountDecimal: string | null } {
  const param = (name: string) => (prefix ? `${prefix}[${name}]` : name);
  if (holder.unit_amount !== undefined && holder.unit_amount_decimal !== undefined) {
    throw new InvalidRequest('Pass either unit_amount or unit_amount_decimal, not both', param('unit_amount_decimal'));
  }
  if (!optional && holder.unit_amount === undefined && holder.unit_amount_decimal === undefined) {
    throw new InvalidRequest('A per-unit price needs unit_amount or unit_amount_decimal', param('unit_amount'));
  }
  return { unitAmount: holder.unit_amount ?? null, unitAmountDecimal: holder.unit_amount_decimal ?? null };
}

function tiersOf(tiers: readonly TierParams[], param: string): TierJson[] {
  let previous = 0;
  return tiers.map((tier, i) => {
    const at = `${param}[${i}]`;
    const last = i === tiers.length - 1;
    if (last && tier.up_to !== 'inf') throw new InvalidRequest('The last tier must have up_to "inf"', `${at}[up_to]`);
    if (!last && tier.up_to === 'inf') throw new InvalidRequest('Only the last tier may have up_to "inf"', `${at}[up_to]`);
    if (tier.up_to !== 'inf') {
      if (tier.up_to <= previous) throw new InvalidRequest(`Tiers must ascend: up_to must be greater than ${previous}`, `${at}[up_to]`);
      previous = tier.up_to;
    }
    const amount = unitAmountOf(tier, at, tier.flat_amount !== undefined);
    return { upTo: tier.up_to === 'inf' ? null : tier.up_to, ...amount, flatAmount: tier.flat_amount ?? null };
  });
}

function currencyOptionOf(
  option: CurrencyOptionParams,
  base: { billingScheme: 'per_unit' | 'tiered'; tiers: TierJson[] | null; taxBehavior: CurrencyOptionJson['taxBehavior'] },
  prefix: string,
): CurrencyOptionJson {
  if (base.billingScheme === 'per_unit') {
    if (option.tiers !== undefined) throw new InvalidRequest('A per-unit price takes no tiers', `${prefix}[tiers]`);
    return {
      ...unitAmountOf(option, prefix, false),
      tiers: null,
      taxBehavior: option.tax_behavior ?? base.taxBehavior,
      minimumAmount: option.minimum_amount ?? null,
    };
  }
  if (option.unit_amount !== undefined || option.unit_amount_decimal !== undefined) {
    throw new InvalidRequest('A tiered price states its amounts in tiers', `${prefix}[unit_amount]`);
  }
  if (option.tiers === undefined) throw new InvalidRequest('A tiered price needs tiers in every currency', `${prefix}[tiers]`);
  const tiers = tiersOf(option.tiers, `${prefix}[tiers]`);
  // Different bounds per currency would make one plan behave differently by currency.
  const sameBounds = base.tiers !== null && tiers.length === base.tiers.length && tiers.every((t, i) => t.upTo === base.tiers?.[i]?.upTo);
  if (!sameBounds) throw new InvalidRequest('Tiers in every currency must have the same up_to bounds as the price', `${prefix}[tiers]`);
  return { unitAmount: null, unitAmountDecimal: null, tiers, taxBehavior: option.tax_behavior ?? base.taxBehavior, minimumAmount: option.minimum_amount ?? null };
}

/**
 * Checks the cross-field rules of a new price (one amount form, tiers ascending to "inf",
 * aggregation only when metered, options shaped like the price…) and returns its stored form.
 * @throws InvalidRequest naming the parameter at fault.
 */
export function priceDefinition(params: PriceCreateParams): PriceDefinition {
  const currency = normalizeCurrency(params.currency, 'currency');
  const billingScheme = params.billing_scheme ?? (params.tiers !== undefined ? 'tiered' : 'per_unit');
  const taxBehavior = params.tax_behavior ?? 'unspecified';
  let amount: { unitAmount: number | null; unitAmountDecimal: string | null } = { unitAmount: null, unitAmountDecimal: null };
  let tiers: TierJson[] | null = null;
  let tiersMode: 'graduated' | 'volume' | null = null;

  if (billingScheme === 'per_unit') {
    if (params.tiers !== undefined) throw new InvalidRequest('tiers need billing_scheme "tiered"', 'tiers');
    if (params.tiers_mode !== undefined) throw new InvalidRequest('tiers_mode needs billing_scheme "tiered"', 'tiers_mode');
    amount = unitAmountOf(params, '', false);
    if (params.transform_quantity !== undefined && amount.unitAmount === null) {
      throw new InvalidRequest('transform_quantity needs an integer unit_amount (the price of one package)', 'transform_quantity');
    }
  } else {
    if (params.unit_amount !== undefined || params.unit_amount_decimal !== undefined) {
      throw new InvalidRequest('A tiered price states its amounts in tiers', 'unit_amount');
    }
    if (params.transform_quantity !== undefined) throw new InvalidRequest('transform_quantity is only for per-unit prices', 'transform_quantity');
    if (params.tiers_mode === undefined) throw new InvalidRequest('A tiered price needs tiers_mode "graduated" or "volume"', 'tiers_mode');
    if (params.tiers === undefined) throw new InvalidRequest('A tiered price needs tiers', 'tiers');
    tiersMode = params.tiers_mode;
    tiers = tiersOf(params.tiers, 'tiers');
  }

  const recurring = params.recurring;
  if (recurring?.aggregate_usage !== undefined && recurring.usage_type !== 'metered') {
    throw new InvalidRequest('aggregate_usage is only for metered prices (usage_type "metered")', 'recurring[aggregate_usage]');
  }
  if (params.trial_period_days !== undefined && params.trial_period_days > 0 && recurring === undefined) {
    throw new InvalidRequest('A one-time price has no trial', 'trial_period_days');
  }

  const currencyOptions: Record<string, CurrencyOptionJson> = {};
  for (const [rawCurrency, option] of Object.entries(params.currency_options ?? {})) {
    const prefix = `currency_options[${rawCurrency}]`;
    const code = normalizeCurrency(rawCurrency, prefix);
    if (code === currency) throw new InvalidRequest('currency_options repeats the price currency', prefix);
    if (currencyOptions[code]) throw new InvalidRequest(`currency_options lists ${code} twice`, prefix);
    currencyOptions[code] = currencyOptionOf(option, { billingScheme, tiers, taxBehavior }, prefix);
  }

  return {
    currency,
    type: recurring ? 'recurring' : 'one_time',
    billingScheme,
    ...amount,
    tiersMode,
    tiers,
    transformDivideBy: params.transform_quantity?.divide_by ?? null,
    transformRound: params.transform_quantity?.round ?? null,
    recurringInterval: recurring?.interval ?? null,
    recurringIntervalCount: recurring ? (recurring.interval_count ?? 1) : null,
    recurringUsageType: recurring ? (recurring.usage_type ?? 'licensed') : null,
    recurringAggregateUsage: recurring?.usage_type === 'metered' ? (recurring.aggregate_usage ?? 'sum') : null,
    taxBehavior,
    currencyOptions,
    minimumAmount: params.minimum_amount ?? null,
    trialPeriodDays: params.trial_period_days ?? null,
    taxCode: params.tax_code ?? null,
  };
}

const definitionKeys = [
  'currency',
  'type',
  'billingScheme',
  'unitAmount',
  'unitAmountDecimal',
  'tiersMode',
  'tiers',
  'transformDivideBy',
  'transformRound',
  'recurringInterval',
  'recurringIntervalCount',
  'recurringUsageType',
  'recurringAggregateUsage',
  'taxBehavior',
  'currencyOptions',
  'minimumAmount',
  'trialPeriodDays',
  'taxCode',
] as const satisfies readonly (keyof PriceDefinition)[];

/** JSON with object keys sorted, so equal definitions give equal text whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

/**
 * True when two prices charge the same (amounts, tiers, interval, currencies, tax behavior…),
 * whatever their labels. Seeding uses it to decide between "same price" and "new price".
 */
export function sameDefinition(a: PriceDefinition, b: PriceDefinition): boolean {
  const pick = (d: PriceDefinition) => definitionKeys.map((key) => d[key]);
  return canonical(pick(a)) === canonical(pick(b));
}
