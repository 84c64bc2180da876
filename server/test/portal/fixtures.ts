/**
 * Billing rows for portal and entitlement tests, written straight to the tables: the
 * subscription and invoice services are another module's, and these tests are about who may
 * read what, not how the rows came to be.
 */
import { invoiceLines, invoices, paymentMethods, subscriptions } from '../../src/db/schema.js';
import { START_MS, SK_TEST, type Harness } from '../helpers.js';

type SubscriptionRow = typeof subscriptions.$inferSelect;
type InvoiceRow = typeof invoices.$inferSelect;

const DAY_MS = 86_400_000;

export async function createCustomer(
  h: Harness,
  body: Record<string, unknown> = {},
  key = SK_TEST,
): Promise<string> {
  return (await h.json<{ id: string }>('POST', '/v1/customers', { key, body: { name: 'Ana', ...body } })).id;
}

/** A product (optionally in a group, with entitlements) and a monthly EUR price on it. */
export async function createPlan(
  h: Harness,
  product: { name: string; group?: string; rank?: number; entitlements?: unknown[] },
  key = SK_TEST,
): Promise<{ productId: string; priceId: string }> {
  const created = await h.json<{ id: string }>('POST', '/v1/products', { key, body: product });
  const price = await h.json<{ id: string }>('POST', '/v1/prices', {
    key,
    body: { product: created.id, currency: 'EUR', unit_amount: 1000, recurring: { interval: 'month' } },
  });
  return { productId: created.id, priceId: price.id };
}

export async function insertSubscription(
  h: Harness,
  fields: {
    id: string;
    customerId: string;
    priceIds: string[];
    status?: SubscriptionRow['status'];
    livemode?: boolean;
    createdAt?: number;
  },
): Promise<void> {
  await h.db.insert(subscriptions).values({
    id: fields.id,
    livemode: fields.livemode ?? false,
    createdAt: fields.createdAt ?? START_MS,
    updatedAt: START_MS,
    customerId: fields.customerId,
    status: fields.status ?? 'active',
    items: fields.priceIds.map((priceId) => ({ priceId, quantity: 1 })),
    currency: 'EUR',
    anchorMs: START_MS,
    timeZone: 'UTC',
    currentPeriodStart: START_MS,
    currentPeriodEnd: START_MS + 31 * DAY_MS,
    trialStart: null,
    trialEnd: null,
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    cancellation: null,
    pauseResumesAt: null,
    pausedAt: null,
    scheduledChange: null,
    discounts: [],
    appliedOnceCouponIds: [],
    defaultPaymentMethodId: null,
    latestInvoiceId: null,
    pendingLines: [],
    nextActionAt: START_MS + 31 * DAY_MS,
    testClockId: null,
    metadata: { internal: 'vendor-only' },
  });
}

/** An invoice of 1000 + 19 % VAT = 1190 with one line. */
export async function insertInvoice(
  h: Harness,
  fields: {
    id: string;
    customerId: string;
    status?: InvoiceRow['status'];
    subscriptionId?: string;
    livemode?: boolean;
    createdAt?: number;
  },
): Promise<void> {
  const livemode = fields.livemode ?? false;
  await h.db.insert(invoices).values({
    id: fields.id,
    livemode,
    createdAt: fields.createdAt ?? START_MS,
    updatedAt: START_MS,
    number: fields.status === 'draft' ? null : `ABONA-${fields.id}`,
    customerId: fields.customerId,
    subscriptionId: fields.subscriptionId ?? null,
    status: fields.status ?? 'paid',
    billingReason: 'subscription_cycle',
    dedupeKey: `test:${fields.id}`,
    currency: 'EUR',
    periodStart: START_MS,
    periodEnd: START_MS + 31 * DAY_MS,
    subtotal: 1000,
    totalDiscount: 0,
    totalExcludingTax: 1000,
    tax: 190,
    total: 1190,
    creditApplied: 0,
    amountDue: 1190,
    amountPaid: 1190,
    amountRemaining: 0,
    taxBreakdown: [
      {
        amount: 190,
        taxableAmount: 1000,
        ratePercent: '19',
        type: 'vat',
        label: 'VAT 19%',
        jurisdiction: 'DE',
        inclusive: false,
      },
    ],
    notes: [],
    reverseCharge: false,
    customerDetails: { business: false, address: { country: 'DE' } },
    sellerDetails: { name: 'Seller' },
    finalizedAt: START_MS,
    paidAt: START_MS,
    voidedAt: null,
    dueAt: null,
    attemptCount: 1,
    nextPaymentAttemptAt: null,
    metadata: { internal: 'vendor-only' },
  });
  await h.db.insert(invoiceLines).values({
    id: `il_${fields.id}`,
    livemode,
    createdAt: START_MS,
    invoiceId: fields.id,
    position: 0,
    kind: 'subscription',
    description: 'Pro × 1',
    amount: 1000,
    quantity: 1,
    priceId: null,
    productId: null,
    periodStart: START_MS,
    periodEnd: START_MS + 31 * DAY_MS,
    taxBehavior: 'exclusive',
    discountAmount: 0,
    netAmount: 1000,
    taxes: [
      {
        amount: 190,
        taxableAmount: 1000,
        ratePercent: '19',
        type: 'vat',
        label: 'VAT 19%',
        jurisdiction: 'DE',
        inclusive: false,
      },
    ],
    totalAmount: 1190,
  });
}

export async function insertPaymentMethod(
  h: Harness,
  fields: { id: string; customerId: string; livemode?: boolean; detached?: boolean },
): Promise<void> {
  await h.db.insert(paymentMethods).values({
    id: fields.id,
    livemode: fields.livemode ?? false,
    createdAt: START_MS,
    customerId: fields.customerId,
    type: 'card',
    gatewayRef: `sandbox_${fields.id}`,
    gateway: 'sandbox',
    brand: 'visa',
    last4: '4242',
    expMonth: 12,
    expYear: 2030,
    offSessionReady: true,
    detachedAt: fields.detached ? START_MS : null,
  });
}

/** Mints a session with the secret key and exchanges its code: the customer's bearer token. */
export async function portalToken(h: Harness, customerId: string, key = SK_TEST): Promise<string> {
  const session = await h.json<{ code: string }>('POST', '/v1/portal_sessions', {
    key,
    body: { customer: customerId },
  });
  const token = await h.json<{ token: string }>('POST', '/v1/portal/token', {
    key: null,
    body: { code: session.code },
  });
  return token.token;
}
