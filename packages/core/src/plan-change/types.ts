import type { Product } from '../catalog/index.js';
import type { Invoice, InvoiceLineDraft } from '../invoice/index.js';
import type { Subscription, SubscriptionItem } from '../subscription/index.js';
import type { TaxCalculator } from '../tax/index.js';

/**
 * What kind of change a new set of items is, relative to the current one:
 * - `interval_change`: the billing interval differs (monthly → yearly).
 * - `seat_increase` / `seat_decrease`: the same prices, other quantities.
 * - `upgrade` / `downgrade`: other prices; up or down by product rank in a shared group when
 *   the catalog gives one, else by amount per period.
 * - `lateral`: other prices, same rank and same amount per period.
 */
export type ChangeKind = 'upgrade' | 'downgrade' | 'seat_increase' | 'seat_decrease' | 'interval_change' | 'lateral';

/** When a change takes effect. */
export type ChangeTiming = 'now' | 'period_end';

/**
 * What a change made now does with the time left in the period (Stripe's names):
 * - `create_prorations`: credit and charge lines wait for the next invoice.
 * - `always_invoice`: they are invoiced at once.
 * - `none`: no proration lines.
 */
export type ProrationBehavior = 'create_prorations' | 'always_invoice' | 'none';

/** When each kind of change takes effect. */
export type PlanChangePolicy = Readonly<Record<ChangeKind, ChangeTiming>>;

/**
 * Customers get more at once and keep what they paid for when they take less:
 * upgrades and seat increases now (prorated), downgrades and seat decreases at period end,
 * interval changes now (a new cycle starts and the unused time is credited).
 */
export const defaultPlanChangePolicy: PlanChangePolicy = {
  upgrade: 'now',
  downgrade: 'period_end',
  seat_increase: 'now',
  seat_decrease: 'period_end',
  interval_change: 'now',
  lateral: 'now',
};

export interface PlanChangeInput {
  subscription: Subscription;
  newItems: readonly SubscriptionItem[];
  atMs: number;
  /** Overrides of {@link defaultPlanChangePolicy}. */
  policy?: Partial<PlanChangePolicy>;
  /** Default `create_prorations`. */
  prorationBehavior?: ProrationBehavior;
  /** The catalog's products of these prices: names for line descriptions, group and rank for direction. */
  products?: readonly Product[];
  /** How lines of prices with `unspecified` tax behavior are taxed. Default `exclusive`. */
  defaultTaxBehavior?: 'inclusive' | 'exclusive';
}

/** A plan change worked out: what applying it does. */
export interface PlanChange {
  kind: ChangeKind;
  effective: ChangeTiming;
  /** `atMs` for a change now, the current period's end for one at period end. */
  effectiveAtMs: number;
  /**
   * Every line the change creates, credits negative: prorations ("Unused time on Pro …",
   * "Remaining time on Enterprise …") and, when a new cycle starts now, its first period.
   */
  lines: InvoiceLineDraft[];
  /** True when `lines` are invoiced at once; false when they wait for the next invoice (or there are none). */
  invoiceNow: boolean;
  /** The subscription after the change (a new version; with `scheduledChange` for one at period end). */
  subscription: Subscription;
}

export interface PlanChangePreviewInput extends PlanChangeInput {
  /** With a calculator, the invoice made now is built with tax and the subscription's discounts. */
  tax?: TaxCalculator;
}

export interface PlanChangePreview {
  kind: ChangeKind;
  effective: ChangeTiming;
  effectiveAtMs: number;
  /** Exactly the lines {@link PlanChange.lines} applying would create. */
  lines: InvoiceLineDraft[];
  invoiceNow: boolean;
  /** Σ lines invoiced now, before discounts and tax; negative when credits win; 0 when nothing is invoiced now. */
  totalNow: number;
  /** What the customer pays now: the built invoice's `amountDue` with a calculator, else max(totalNow, 0). */
  amountDueNow: number;
  /** The invoice made now, when a calculator was given and `invoiceNow`. */
  invoice?: Invoice;
  /** The next renewal invoice's lines: waiting prorations, then the next period's items. */
  nextInvoiceLines: InvoiceLineDraft[];
  resultingSubscription: Subscription;
}

