import type { Pricing, PricingPrice, PricingProduct, PricingTier } from '@abona/api';
import {
  divideRoundHalfUp,
  yearlySavingPercent,
  type Interval,
  type ResolvedPrice,
  type Tier,
} from '@abona/core';
import type { PriceRow, ProductRow } from '../../db/schema.js';
import type { PriceDisplay, ProductDisplay } from './display.js';

/** One price of a card: its row, display settings, and what core resolved (for the asked quantity and for one unit). */
export interface PricedPrice {
  row: PriceRow;
  display: PriceDisplay;
  /** A per-unit price sold by the seat (else shown as one flat amount). */
  seat: boolean;
  resolved: ResolvedPrice;
  unit: ResolvedPrice;
}

export interface PricedProduct {
  product: ProductRow;
  display: ProductDisplay;
  prices: PricedPrice[];
}

const intervalOrder = ['day', 'week', 'month', 'year'] as const;
type IntervalUnit = (typeof intervalOrder)[number];

function tierOf(tier: Tier): PricingTier {
  return {
    up_to: tier.upTo,
    unit_amount_decimal: tier.unitAmountDecimal ?? String(tier.unitAmount ?? 0),
    flat_amount: tier.flatAmount ?? 0,
  };
}

/** Months in an interval of whole months, for the per-month figure of yearly and quarterly prices. */
function monthsIn(interval: Interval): number | undefined {
  if (interval.unit === 'month') return interval.count;
  if (interval.unit === 'year') return interval.count * 12;
  return undefined;
}

/** Several taxes (GST + QST) read as one label: "GST 5% + QST 9.975%". */
function taxLabel(price: ResolvedPrice): string | undefined {
  const labels = price.taxes.map((t) => t.label).filter((label) => label !== '');
  return labels.length > 0 ? labels.join(' + ') : undefined;
}

function toPrice(p: PricedPrice): PricingPrice {
  const r = p.resolved;
  const interval = r.interval ?? { unit: 'month', count: 1 };
  const model = r.price.model;
  const metered = r.price.recurring?.usageType === 'metered';
  const out: PricingPrice = {
    id: r.priceId,
    interval: interval.unit,
    interval_count: interval.count,
    currency: r.currency,
    usage_type: metered ? 'metered' : 'licensed',
    model: model.type === 'per_unit' && !p.seat && !metered ? 'flat' : model.type,
    quantity: r.quantity,
    display_amount: r.displayAmount,
    net_amount: r.netAmount,
    tax_amount: r.taxAmount,
    gross_amount: r.grossAmount,
    tax_inclusive: r.taxInclusive,
    tax_note: r.taxNote,
  };
  if (p.display.unitLabel !== undefined) out.unit_label = p.display.unitLabel;
  if (p.row.trialPeriodDays !== null && p.row.trialPeriodDays > 0) out.trial_days = p.row.trialPeriodDays;
  if (p.display.minQuantity !== undefined) out.min_quantity = p.display.minQuantity;
  if (p.display.maxQuantity !== undefined) out.max_quantity = p.display.maxQuantity;
  if (out.model === 'per_unit') {
    out.unit_display_amount = p.unit.displayAmount;
    if (r.unitAmountDecimal !== undefined) out.unit_amount_decimal = r.unitAmountDecimal;
  }
  const months = monthsIn(interval);
  if (!metered && months !== undefined && months > 1) {
    // Display only ("€24.17 / month, billed yearly"): core's one rounding rule, on the shown amount.
    out.monthly_display_amount = Number(divideRoundHalfUp(BigInt(r.displayAmount), BigInt(months)));
  }
  const label = r.taxNote === 'none' ? undefined : taxLabel(r);
  if (label !== undefined) out.tax_label = label;
  if (model.type === 'graduated' || model.type === 'volume') out.tiers = model.tiers.map(tierOf);
  if (model.type === 'package') out.package_size = model.packageSize;
  return out;
}

function byInterval(a: PricedPrice, b: PricedPrice): number {
  const ia = a.resolved.interval;
  const ib = b.resolved.interval;
  const unit = (i: Interval | null) => intervalOrder.indexOf((i?.unit ?? 'month') as IntervalUnit);
  return unit(ia) - unit(ib) || (ia?.count ?? 1) - (ib?.count ?? 1);
}

/** "Save 16 %" from core, on one unit of the product's first licensed monthly and yearly prices. */
function savingOf(prices: readonly PricedPrice[]): number | undefined {
  const licensed = prices.filter((p) => p.unit.price.recurring?.usageType === 'licensed');
  const monthly = licensed.find((p) => p.unit.interval?.unit === 'month' && p.unit.interval.count === 1);
  const yearly = licensed.find((p) => p.unit.interval?.unit === 'year' && p.unit.interval.count === 1);
  if (!monthly || !yearly) return undefined;
  const saving = yearlySavingPercent(monthly.unit, yearly.unit);
  return saving > 0 ? saving : undefined;
}

function toProduct(p: PricedProduct): PricingProduct {
  const prices = [...p.prices].sort(byInterval);
  const out: PricingProduct = {
    id: p.product.id,
    name: p.product.name,
    description: p.product.description ?? '',
    highlight: p.display.highlight,
    cta: { ...p.display.cta },
    features: p.product.entitlements.map((e) => ({
      key: e.key,
      name: e.name,
      value: e.value,
      ...(e.unit !== undefined ? { unit: e.unit } : {}),
    })),
    prices: prices.map(toPrice),
  };
  if (p.display.badge !== undefined) out.badge = p.display.badge;
  const saving = savingOf(prices);
  if (saving !== undefined) out.yearly_saving_percent = saving;
  return out;
}

/** The `GET /v1/pricing` answer: cards in display order, the feature union, intervals and currencies offered. */
export function toPricing(input: {
  currency: string;
  country: string;
  available: string[];
  products: PricedProduct[];
}): Pricing {
  const products = input.products.map(toProduct);
  const features = new Map<string, { key: string; name: string; unit?: string }>();
  const units = new Set<IntervalUnit>();
  for (const product of products) {
    for (const f of product.features)
      if (!features.has(f.key))
        features.set(f.key, { key: f.key, name: f.name, ...(f.unit !== undefined ? { unit: f.unit } : {}) });
    for (const price of product.prices) units.add(price.interval);
  }
  return {
    object: 'pricing',
    currency: input.currency,
    country: input.country,
    available_currencies: input.available,
    intervals: intervalOrder.filter((unit) => units.has(unit)),
    features: [...features.values()],
    products,
  };
}
