/*
 * The parts of the server's checkout session the widget reads (see @abona/api
 * billing/checkout.ts for the full contract). Declared here rather than imported so the bundle
 * never pulls the API package's schemas.
 */

/** One tax on the quote, exactly as the engine computed it: "TVA 21%", "VAT 0% (reverse charge)". */
export interface TaxLine {
  amount: number;
  taxable_amount: number;
  rate_percent: string;
  label: string;
  jurisdiction: string;
  inclusive: boolean;
  reverse_charge: boolean;
}

/** A line of today's invoice. */
export interface QuoteLine {
  kind: string;
  description: string;
  amount: number;
  quantity: number;
  price: string | null;
  product: string | null;
  total_amount: number;
}

/** Today's invoice and, for subscriptions, the next one (after the trial or the first period). */
export interface CheckoutQuote {
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  total_discount: number;
  tax: number;
  total: number;
  tax_breakdown: TaxLine[];
  amount_due: number;
  reverse_charge: boolean;
  then: { date: string; total: number } | null;
}

/** Bank details for a transfer, as the gateway gave them (fields it does not use are null). */
export type BankTransferInstructions = Record<string, string | null>;

/** `POST /v1/checkout_sessions` and friends answer with this. */
export interface CheckoutSession {
  id: string;
  object: 'checkout_session';
  status: 'open' | 'complete' | 'expired';
  /** `payment` when every line item is a one-time price: paid once, no subscription. */
  mode: 'subscription' | 'payment';
  payment_status: 'unpaid' | 'processing' | 'requires_action' | 'paid' | 'no_payment_required';
  currency: string;
  line_items: { price: string; quantity: number }[];
  customer: string | null;
  customer_email: string | null;
  customer_details: {
    business: boolean;
    tax_id: { type: string; value: string; valid: boolean } | null;
  };
  discount: { promotion_code: string | null; name: string | null; percent_off: string | null; amount_off: number | null } | null;
  quote: CheckoutQuote;
  trial_end: string | null;
  subscription: string | null;
  next_action: { type: 'three_d_secure'; action_id: string } | null;
  bank_transfer_instructions: BankTransferInstructions | null;
  success_url: string | null;
  livemode: boolean;
}

/** Who is buying and where: the tax engine's inputs, as `customer_details` takes them. */
export interface CustomerDetailsParams {
  name?: string;
  address?: { country: string; state?: string; postal_code?: string; line1?: string; line2?: string; city?: string };
  business?: boolean;
  business_name?: string;
  tax_id?: { type: string; value: string } | null;
}

/** What `confirm` takes as `payment_method`. */
export type PaymentMethodParam = string | { token: string } | { card: CardParams } | { type: 'bank_transfer' };

/** A sandbox test card (test mode only; live cards go through the gateway's own element). */
export interface CardParams {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}
