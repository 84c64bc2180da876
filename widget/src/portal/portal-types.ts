/**
 * The slice of the portal's wire contract (`@abona/api` portal.ts, lifecycle.ts) the widget reads.
 * Declared here rather than imported so the browser bundle carries no zod; field names are the
 * server's own (snake_case).
 */

/** A portal token as `POST /v1/portal/token` answers it. */
export interface PortalTokenWire {
  object: 'portal_token';
  token: string;
  customer: string;
  expires_at: string;
  flow: PortalFlow | null;
  return_url: string | null;
  locale: string | null;
  livemode: boolean;
}

/** Where the portal opens: a focused flow, or the overview. */
export type PortalFlow = 'cancel' | 'change-plan' | 'update-payment-method';

export interface Address {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
}

export interface PortalCustomer {
  id: string;
  email: string | null;
  name: string | null;
  address: Address | null;
  tax_ids: { type: string; value: string }[];
  default_payment_method: string | null;
}

export interface SubscriptionItem {
  price: { id: string; product: string; unit_amount: number | null; currency: string; recurring: { interval: string; interval_count: number } | null };
  quantity: number;
}

export type SubscriptionStatus = 'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled' | 'paused';

export interface PortalSubscription {
  id: string;
  status: SubscriptionStatus;
  currency: string;
  items: { data: SubscriptionItem[] };
  current_period_start: string;
  current_period_end: string;
  trial_end: string | null;
  cancel_at_period_end: boolean;
  ended_at: string | null;
  default_payment_method: string | null;
  latest_invoice: string | null;
  discounts?: { coupon: string }[];
  /** Lifecycle fields, present once the server reports them. */
  pause_collection?: { resumes_at: string | null } | null;
  scheduled_change?: { items: { price: string; quantity: number }[]; effective_at: string } | null;
  version?: number;
}

/** `GET /v1/portal/subscriptions/:id/upcoming_invoice`: the next renewal, as the billing run will build it. */
export interface PortalUpcomingInvoice {
  object: 'invoice';
  id: null;
  subscription: string;
  currency: string;
  period_start: string;
  period_end: string;
  /** When it is made and charged. */
  next_payment_attempt: string;
  total: number;
  amount_due: number;
}

export interface InvoiceLine {
  kind: string;
  description: string;
  amount: number;
  quantity: number;
  price: string | null;
  product?: string | null;
  period: { start: string; end: string } | null;
  proration?: boolean;
}

export interface PortalInvoice {
  id: string;
  number: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  currency: string;
  subtotal: number;
  total_discount: number;
  tax: number;
  total: number;
  amount_due: number;
  amount_remaining: number;
  tax_breakdown: { amount: number; label: string }[];
  lines: { data: InvoiceLine[] };
  finalized_at: string | null;
  created: string;
  period_start: string | null;
  period_end: string | null;
}

export interface PortalPaymentMethod {
  id: string;
  type: 'card' | 'apple_pay' | 'google_pay' | 'sepa_debit' | 'bank_transfer';
  card: { brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null } | null;
  default: boolean;
}

export interface PlanOption {
  product: string;
  name: string;
  group: string;
  rank: number | null;
  prices: string[];
}

export interface PortalConfig {
  features: {
    customer_update: { enabled: boolean; allowed_updates: string[] };
    invoice_history: { enabled: boolean };
    payment_method_update: { enabled: boolean };
    subscription_cancel: { enabled: boolean; mode: 'at_period_end' | 'immediately'; retention_offer: { coupon: string } | null };
    subscription_pause: { enabled: boolean };
    subscription_update: { enabled: boolean; products: PlanOption[] };
  };
}

export interface ListWire<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

/** `POST …/preview_change`: the exact lines a change creates. */
export interface ChangePreview {
  kind: string;
  effective: 'now' | 'period_end';
  effective_at: string;
  invoice_now: boolean;
  lines: InvoiceLine[];
  total_now: number;
  amount_due_now: number;
  invoice: { currency: string; lines: InvoiceLine[]; subtotal: number; total_discount: number; tax: number; total: number; amount_due: number; tax_breakdown: { amount: number; label: string }[] } | null;
  next_invoice_lines: InvoiceLine[];
}

/** `POST …/change`: what the change did. */
export interface ChangeResult {
  status: 'applied' | 'scheduled' | 'requires_action' | 'payment_failed';
  effective: 'now' | 'period_end';
  effective_at: string;
  subscription: PortalSubscription;
  action: { id: string; client_secret: string; type: 'three_d_secure' } | null;
  failure: { decline_code: string; message: string } | null;
}

/** `GET …/usage`: the current period's usage per metered price. */
export interface SubscriptionUsage {
  period: { start: string; end: string };
  currency: string;
  data: { price: string; aggregation: string; quantity: number; included: number; amount: number; threshold: number | null }[];
}
