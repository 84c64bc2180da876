/**
 * Billing documents: checkout sessions, subscriptions, invoices and their lines, payments,
 * payment methods, refunds, credit notes and customer balance. Money is integer minor units with
 * the currency beside it; instants are epoch ms. The unique indexes are what make retries,
 * concurrent jobs and replays harmless.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { base, metadata, version } from './columns.js';

/** A price on a subscription or a checkout, as stored (the price row holds the amounts). */
export interface ItemJson {
  priceId: string;
  quantity: number;
}

/** A tax line as stored on invoice lines and in breakdowns (core's `TaxAmount`). */
export interface TaxAmountJson {
  amount: number;
  taxableAmount: number;
  ratePercent: string;
  type: string;
  label: string;
  jurisdiction: string;
  inclusive: boolean;
  reverseCharge?: boolean;
}

/** Who an invoice or checkout is for, frozen at the time (later edits apply to future invoices). */
export interface CustomerDetailsJson {
  email?: string;
  name?: string;
  businessName?: string;
  business: boolean;
  address: {
    line1?: string;
    line2?: string;
    city?: string;
    state?: string;
    postalCode?: string;
    country?: string;
  };
  taxId?: { type: string; value: string; valid: boolean; status?: string };
  taxExempt?: 'none' | 'exempt' | 'reverse';
}

export const paymentMethods = sqliteTable(
  'payment_methods',
  {
    ...base,
    customerId: text('customer_id').notNull(),
    type: text('type', { enum: ['card', 'apple_pay', 'google_pay', 'sepa_debit', 'bank_transfer'] }).notNull(),
    /** The gateway's own id for the method (sandbox `pm_…`, Stripe `pm_…`). */
    gatewayRef: text('gateway_ref').notNull(),
    gateway: text('gateway').notNull(),
    brand: text('brand'),
    last4: text('last4'),
    expMonth: integer('exp_month'),
    expYear: integer('exp_year'),
    /** Ready for off-session charges (3-D Secure done once, or a mandate). */
    offSessionReady: integer('off_session_ready', { mode: 'boolean' }).notNull().default(false),
    detachedAt: integer('detached_at'),
  },
  (t) => [index('payment_methods_customer_idx').on(t.customerId), uniqueIndex('payment_methods_ref_uq').on(t.gateway, t.gatewayRef)],
);

export const checkoutSessions = sqliteTable(
  'checkout_sessions',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    status: text('status', { enum: ['open', 'complete', 'expired'] }).notNull(),
    mode: text('mode', { enum: ['subscription', 'payment'] }).notNull(),
    items: text('items', { mode: 'json' }).$type<ItemJson[]>().notNull(),
    currency: text('currency').notNull(),
    customerId: text('customer_id'),
    customerDetails: text('customer_details', { mode: 'json' }).$type<CustomerDetailsJson>().notNull(),
    promotionCodeId: text('promotion_code_id'),
    couponId: text('coupon_id'),
    /** The engine's invoice for what is due today, recomputed whenever an input changes. */
    quote: text('quote', { mode: 'json' }).$type<unknown>().notNull(),
    amountSubtotal: integer('amount_subtotal').notNull(),
    amountDiscount: integer('amount_discount').notNull(),
    amountTax: integer('amount_tax').notNull(),
    amountTotal: integer('amount_total').notNull(),
    trialEnd: integer('trial_end'),
    paymentStatus: text('payment_status', { enum: ['unpaid', 'processing', 'requires_action', 'paid', 'no_payment_required'] }).notNull(),
    paymentId: text('payment_id'),
    subscriptionId: text('subscription_id'),
    invoiceId: text('invoice_id'),
    successUrl: text('success_url'),
    cancelUrl: text('cancel_url'),
    locale: text('locale'),
    expiresAt: integer('expires_at').notNull(),
    completedAt: integer('completed_at'),
    metadata: metadata(),
    version: version(),
  },
  (t) => [
    index('checkout_sessions_list_idx').on(t.livemode, t.createdAt, t.id),
    // The settlement job's list (checkoutSessions.processing): only the open sessions waiting on a payment.
    index('checkout_sessions_processing_idx').on(t.paymentStatus).where(sql`"status" = 'open' and "payment_status" = 'processing'`),
  ],
);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    customerId: text('customer_id').notNull(),
    status: text('status', {
      enum: ['incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled'],
    }).notNull(),
    items: text('items', { mode: 'json' }).$type<ItemJson[]>().notNull(),
    currency: text('currency').notNull(),
    anchorMs: integer('anchor_ms').notNull(),
    timeZone: text('time_zone').notNull(),
    currentPeriodStart: integer('current_period_start').notNull(),
    currentPeriodEnd: integer('current_period_end').notNull(),
    trialStart: integer('trial_start'),
    trialEnd: integer('trial_end'),
    cancelAtPeriodEnd: integer('cancel_at_period_end', { mode: 'boolean' }).notNull(),
    canceledAt: integer('canceled_at'),
    endedAt: integer('ended_at'),
    cancellation: text('cancellation', { mode: 'json' }).$type<{ reason: string; feedback?: string; comment?: string }>(),
    pauseResumesAt: integer('pause_resumes_at'),
    pausedAt: integer('paused_at'),
    scheduledChange: text('scheduled_change', { mode: 'json' }).$type<{ items: ItemJson[]; effectiveAtMs: number }>(),
    /** Active discounts: coupon id and when it started applying. */
    discounts: text('discounts', { mode: 'json' }).$type<{ couponId: string; startMs: number }[]>().notNull(),
    /** Coupons with duration `once` already used by an invoice of this subscription. */
    appliedOnceCouponIds: text('applied_once_coupon_ids', { mode: 'json' }).$type<string[]>().notNull(),
    defaultPaymentMethodId: text('default_payment_method_id'),
    latestInvoiceId: text('latest_invoice_id'),
    /** Prorations waiting for the next invoice (`proration_behavior: create_prorations`). */
    pendingLines: text('pending_lines', { mode: 'json' }).$type<unknown[]>().notNull(),
    /** When the scheduler must look at it next (period end, trial end, retry, resume). */
    nextActionAt: integer('next_action_at'),
    testClockId: text('test_clock_id'),
    metadata: metadata(),
    version: version(),
  },
  (t) => [
    index('subscriptions_list_idx').on(t.livemode, t.createdAt, t.id),
    index('subscriptions_customer_idx').on(t.customerId),
    index('subscriptions_due_idx').on(t.livemode, t.nextActionAt),
  ],
);

export const invoices = sqliteTable(
  'invoices',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    /** Human number, unique per mode, e.g. `ABONA-0001`. */
    number: text('number'),
    customerId: text('customer_id').notNull(),
    subscriptionId: text('subscription_id'),
    status: text('status', { enum: ['draft', 'open', 'paid', 'void', 'uncollectible'] }).notNull(),
    billingReason: text('billing_reason', {
      enum: ['subscription_create', 'subscription_cycle', 'subscription_update', 'subscription_threshold', 'manual'],
    }).notNull(),
    /** Makes one invoice per subscription, period and reason: a retried job finds it instead of billing twice. */
    dedupeKey: text('dedupe_key'),
    currency: text('currency').notNull(),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    subtotal: integer('subtotal').notNull(),
    totalDiscount: integer('total_discount').notNull(),
    totalExcludingTax: integer('total_excluding_tax').notNull(),
    tax: integer('tax').notNull(),
    total: integer('total').notNull(),
    creditApplied: integer('credit_applied').notNull(),
    amountDue: integer('amount_due').notNull(),
    amountPaid: integer('amount_paid').notNull(),
    amountRemaining: integer('amount_remaining').notNull(),
    taxBreakdown: text('tax_breakdown', { mode: 'json' }).$type<TaxAmountJson[]>().notNull(),
    notes: text('notes', { mode: 'json' }).$type<string[]>().notNull(),
    reverseCharge: integer('reverse_charge', { mode: 'boolean' }).notNull(),
    customerDetails: text('customer_details', { mode: 'json' }).$type<CustomerDetailsJson>().notNull(),
    /** The seller as printed on the invoice (name, address, tax ids). */
    sellerDetails: text('seller_details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    finalizedAt: integer('finalized_at'),
    paidAt: integer('paid_at'),
    voidedAt: integer('voided_at'),
    dueAt: integer('due_at'),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextPaymentAttemptAt: integer('next_payment_attempt_at'),
    metadata: metadata(),
    version: version(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.livemode, t.number),
    uniqueIndex('invoices_dedupe_uq').on(t.livemode, t.dedupeKey),
    index('invoices_list_idx').on(t.livemode, t.createdAt, t.id),
    index('invoices_customer_idx').on(t.customerId),
    index('invoices_subscription_idx').on(t.subscriptionId),
    index('invoices_retry_idx').on(t.livemode, t.nextPaymentAttemptAt),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    ...base,
    invoiceId: text('invoice_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['subscription', 'proration', 'usage', 'one_time', 'minimum'] }).notNull(),
    description: text('description').notNull(),
    amount: integer('amount').notNull(),
    quantity: integer('quantity').notNull(),
    priceId: text('price_id'),
    productId: text('product_id'),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    taxBehavior: text('tax_behavior', { enum: ['inclusive', 'exclusive'] }).notNull(),
    discountAmount: integer('discount_amount').notNull(),
    netAmount: integer('net_amount').notNull(),
    taxes: text('taxes', { mode: 'json' }).$type<TaxAmountJson[]>().notNull(),
    totalAmount: integer('total_amount').notNull(),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_uq').on(t.invoiceId, t.position),
    // Revenue recognition pages through the lines still in service (period_end after its cursor).
    index('invoice_lines_period_end_idx').on(t.periodEnd, t.id),
  ],
);

/** Per-mode counters (invoice numbers, credit note numbers): incremented inside the writing transaction. */
export const sequences = sqliteTable(
  'sequences',
  {
    livemode: integer('livemode', { mode: 'boolean' }).notNull(),
    name: text('name').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [uniqueIndex('sequences_uq').on(t.livemode, t.name)],
);

export const payments = sqliteTable(
  'payments',
  {
    ...base,
    updatedAt: integer('updated_at').notNull(),
    customerId: text('customer_id').notNull(),
    invoiceId: text('invoice_id'),
    checkoutSessionId: text('checkout_session_id'),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['requires_action', 'processing', 'succeeded', 'failed', 'canceled'] }).notNull(),
    paymentMethodId: text('payment_method_id'),
    gateway: text('gateway').notNull(),
    gatewayRef: text('gateway_ref'),
    /** Our operation id the gateway call was keyed by: a retried call never charges twice. */
    idempotencyKey: text('idempotency_key').notNull(),
    offSession: integer('off_session', { mode: 'boolean' }).notNull(),
    declineCode: text('decline_code'),
    failureMessage: text('failure_message'),
    hardDecline: integer('hard_decline', { mode: 'boolean' }),
    amountRefunded: integer('amount_refunded').notNull().default(0),
    metadata: metadata(),
  },
  (t) => [
    uniqueIndex('payments_idempotency_uq').on(t.livemode, t.idempotencyKey),
    index('payments_invoice_idx').on(t.invoiceId),
    index('payments_customer_idx').on(t.customerId),
    // The settlement job's list (payments.pending): only the few still processing are in it.
    index('payments_processing_idx').on(t.status).where(sql`"status" = 'processing'`),
  ],
);

export const refunds = sqliteTable(
  'refunds',
  {
    ...base,
    paymentId: text('payment_id').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['succeeded', 'failed', 'pending'] }).notNull(),
    reason: text('reason'),
    gatewayRef: text('gateway_ref'),
    creditNoteId: text('credit_note_id'),
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (t) => [uniqueIndex('refunds_idempotency_uq').on(t.livemode, t.idempotencyKey), index('refunds_payment_idx').on(t.paymentId)],
);

export const creditNotes = sqliteTable(
  'credit_notes',
  {
    ...base,
    number: text('number').notNull(),
    invoiceId: text('invoice_id').notNull(),
    customerId: text('customer_id').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason'),
    subtotal: integer('subtotal').notNull(),
    tax: integer('tax').notNull(),
    total: integer('total').notNull(),
    /** How the credit was given back: refunded to the payment method, or left as customer credit. */
    refundAmount: integer('refund_amount').notNull(),
    creditAmount: integer('credit_amount').notNull(),
    lines: text('lines', { mode: 'json' }).$type<unknown[]>().notNull(),
    taxBreakdown: text('tax_breakdown', { mode: 'json' }).$type<TaxAmountJson[]>().notNull(),
    memo: text('memo'),
  },
  (t) => [uniqueIndex('credit_notes_number_uq').on(t.livemode, t.number), index('credit_notes_invoice_idx').on(t.invoiceId)],
);

/** The customer's credit balance as an append-only list; the balance is the sum per currency. */
export const customerBalanceTransactions = sqliteTable(
  'customer_balance_transactions',
  {
    ...base,
    customerId: text('customer_id').notNull(),
    currency: text('currency').notNull(),
    /** Positive adds credit for the customer, negative uses it. */
    amount: integer('amount').notNull(),
    type: text('type', { enum: ['adjustment', 'applied_to_invoice', 'credit_note', 'invoice_overpaid', 'unapplied_from_invoice'] }).notNull(),
    invoiceId: text('invoice_id'),
    creditNoteId: text('credit_note_id'),
    description: text('description'),
    /** One balance movement per source event. */
    dedupeKey: text('dedupe_key').notNull(),
  },
  (t) => [uniqueIndex('customer_balance_dedupe_uq').on(t.livemode, t.dedupeKey), index('customer_balance_customer_idx').on(t.customerId, t.currency)],
);

/** Records of the built-in sandbox gateway (its store), one JSON document per record. */
export const gatewayRecords = sqliteTable(
  'gateway_records',
  {
    tableName: text('table_name').notNull(),
    id: text('id').notNull(),
    data: text('data').notNull(),
  },
  (t) => [uniqueIndex('gateway_records_uq').on(t.tableName, t.id)],
);

/** Account settings per mode: seller identity and tax registrations, plan-change policies, dunning. */
export const settings = sqliteTable(
  'settings',
  {
    livemode: integer('livemode', { mode: 'boolean' }).notNull(),
    key: text('key').notNull(),
    value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('settings_uq').on(t.livemode, t.key)],
);
