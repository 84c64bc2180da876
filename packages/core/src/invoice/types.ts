import type { Discount, TaxBehavior } from '../catalog/index.js';
import type { CurrencyCode } from '../money/index.js';
import type { TaxAmount } from '../tax/index.js';
import type { Period } from '../time/index.js';

/** Why a line is on an invoice. */
export type InvoiceLineKind = 'subscription' | 'proration' | 'usage' | 'one_time' | 'minimum';

/**
 * A line before discounts and tax: what an item, usage or proration costs.
 * `amount` is integer minor units, negative for credits (unused time). For a tax-inclusive
 * price it is the gross amount, tax included.
 */
export interface InvoiceLineDraft {
  kind: InvoiceLineKind;
  description: string;
  amount: number;
  quantity: number;
  priceId?: string;
  productId?: string;
  /** The service period the line pays for; revenue is recognized over it. */
  period?: Period;
  /** `inclusive` or `exclusive`; `unspecified` is resolved by the caller before building. */
  taxBehavior: Exclude<TaxBehavior, 'unspecified'>;
  taxCode?: string;
}

/** A finished line: its discount, its taxes, and what it comes to. */
export interface InvoiceLine extends InvoiceLineDraft {
  /** Discount taken off this line (≥ 0 for positive lines), minor units. */
  discountAmount: number;
  /** Net of discount and excluding tax. */
  netAmount: number;
  taxes: TaxAmount[];
  /** netAmount + Σ taxes. */
  totalAmount: number;
}

export interface InvoiceInput {
  currency: CurrencyCode;
  lines: InvoiceLineDraft[];
  /** Active discounts; each applies to the lines of its products (all lines when unrestricted). */
  discounts?: Discount[];
  /**
   * Coupon ids of `once` discounts already taken off an earlier invoice: they are spent and
   * skipped here, so the caller can pass the customer's discounts as they are.
   */
  appliedOnceCouponIds?: string[];
  /** The customer's credit balance available (minor units, ≥ 0), used before charging. */
  creditBalance?: number;
  /** Instant the invoice is built for: chooses tax rates and which discounts are still active. */
  atMs: number;
}

export interface Invoice {
  currency: CurrencyCode;
  lines: InvoiceLine[];
  /** Σ line amounts as priced, before discounts (inclusive lines counted gross). */
  subtotal: number;
  totalDiscount: number;
  /** Σ netAmount. */
  totalExcludingTax: number;
  /** Σ of every line's taxes. */
  tax: number;
  /** totalExcludingTax + tax. Negative when credits outweigh charges. */
  total: number;
  /** Taxes summed by label and rate, for the summary box. */
  taxBreakdown: TaxAmount[];
  /** Credit balance used by this invoice. */
  creditApplied: number;
  /** What remains to charge: max(total − creditApplied, 0). */
  amountDue: number;
  /** A negative total becomes customer credit: −total when total < 0, else 0. */
  creditGenerated: number;
  notes: string[];
  reverseCharge: boolean;
}
