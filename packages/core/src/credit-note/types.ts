import type { CurrencyCode } from '../money/index.js';
import type { TaxAmount } from '../tax/index.js';

/** Why money is given back; the same reasons Stripe uses, so vendors can map them one to one. */
export type CreditNoteReason = 'duplicate' | 'fraudulent' | 'order_change' | 'product_unsatisfactory';

/** What to credit: chosen lines, an amount spread over the invoice, or (neither) all that is left. */
export interface CreditNoteRequest {
  /** Gross amounts (tax included) to credit on given invoice lines, minor units, each > 0. */
  lines?: { lineIndex: number; amount: number }[];
  /** A gross amount (tax included) spread over the invoice's charged lines. With `lines`, must equal their sum. */
  amount?: number;
  reason?: CreditNoteReason;
}

/** The credit on one invoice line: its gross amount split into net and the taxes it reverses. */
export interface CreditNoteLine {
  lineIndex: number;
  description: string;
  /** Gross amount credited, minor units: `netAmount + Σ taxes`. */
  amount: number;
  /** The part of `amount` that is net of tax. */
  netAmount: number;
  /** The tax reversed, per tax of the line (positive amounts; `taxableAmount` is `netAmount`). */
  taxes: TaxAmount[];
}

/** A credit note against one invoice. Every amount is a positive integer number of minor units. */
export interface CreditNote {
  currency: CurrencyCode;
  reason: CreditNoteReason | null;
  lines: CreditNoteLine[];
  /** Σ lines' `netAmount`. */
  subtotal: number;
  /** Σ lines' taxes. */
  tax: number;
  /** subtotal + tax = Σ lines' `amount`. */
  total: number;
  /** Reversed taxes summed by label and rate, like the invoice's. */
  taxBreakdown: TaxAmount[];
  /** What can still be credited on the invoice after this note: paid − credited before − total. */
  remainingCreditable: number;
}
