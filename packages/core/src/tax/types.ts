import type { CurrencyCode } from '../money/index.js';

/** Kinds of tax the engine knows; each tax line carries one. */
export type TaxType = 'vat' | 'gst' | 'hst' | 'pst' | 'qst' | 'rst' | 'jct' | 'sales_tax' | 'consumption_tax';

/** One tax charged on one line. `amount` is integer minor units in the invoice currency. */
export interface TaxAmount {
  amount: number;
  /** The amount the tax was computed on (net of discount, excluding tax). */
  taxableAmount: number;
  /** Rate as a decimal percent string, `"21"`, `"9.975"`. */
  ratePercent: string;
  type: TaxType;
  /** Local label for people and invoices: "TVA 21%", "USt. 19%", "GST 5%". */
  label: string;
  /** Where it is owed: ISO country, optionally with subdivision (`"CA-QC"`, `"US-NY"`). */
  jurisdiction: string;
  inclusive: boolean;
  /** True on the 0-amount line of a reverse-charged supply: the customer accounts for the tax. */
  reverseCharge?: boolean;
}

/** One line as the tax calculator sees it: after discounts, before tax. */
export interface TaxableLine {
  /** The line's position in the invoice; answers refer to it. */
  index: number;
  /** After discount. For `inclusive` lines this is the gross amount containing the tax. */
  amount: number;
  inclusive: boolean;
  productId?: string;
  taxCode?: string;
}

export interface TaxCalculationInput {
  currency: CurrencyCode;
  lines: TaxableLine[];
  /** The instant the tax point falls on: rates are chosen by it. */
  atMs: number;
}

/**
 * Why an invoice is taxed the way it is: `taxed` (some tax collected), `reverse_charge`, `exempt`
 * (the customer's exemption), `not_collected` (the seller is not registered where the tax is owed),
 * `not_taxable` (the place does not tax the product, e.g. SaaS in California).
 */
export type TaxTreatment = 'taxed' | 'reverse_charge' | 'exempt' | 'not_collected' | 'not_taxable';

/** The calculator's answer: the taxes of each line (none for untaxed lines) and invoice-level notes. */
export interface TaxCalculationResult {
  lines: { index: number; taxes: TaxAmount[] }[];
  /** e.g. "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)". */
  notes?: string[];
  reverseCharge?: boolean;
  treatment?: TaxTreatment;
}

/**
 * The port through which invoices get their tax. Pure: the built-in engine is one implementation,
 * an external engine can be adapted to it. For an inclusive line the taxes are *contained* in
 * `amount`; for an exclusive one they are added on top.
 */
export type TaxCalculator = (input: TaxCalculationInput) => TaxCalculationResult;

/** A calculator that charges no tax: for customers outside every registration, and tests. */
export const noTax: TaxCalculator = (input) => ({
  lines: input.lines.map((l) => ({ index: l.index, taxes: [] })),
});
