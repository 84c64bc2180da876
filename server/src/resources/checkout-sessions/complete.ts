import { transition, type Subscription as CoreSubscription } from '@abona/core';
import { finalizeInvoice } from '../../billing/finalize.js';
import { markInvoicePaid } from '../../billing/pay.js';
import {
  countRedemption,
  findCustomer,
  customerTaxIdsOf,
  insertCustomer,
  insertCustomerTaxId,
  markPricesUsed,
  saveCustomerRef,
} from '../../billing/repository.js';
import { loadSeller } from '../../billing/seller.js';
import type { Executor } from '../../db/client.js';
import type { CustomerRow, CustomerTaxIdRow } from '../../db/schema.js';
import { InvariantBroken } from '../../errors/index.js';
import { recordEvent } from '../../events/record.js';
import type { IdGenerator } from '../../ids/index.js';
import { toCustomer } from '../customers/serialize.js';
import { taxIdCountry } from '../customers/service.js';
import { paymentMethodRepository, type PaymentMethodRow } from '../payment-methods/repository.js';
import { toPaymentMethod } from '../payment-methods/serialize.js';
import { paymentRepository, type PaymentRow } from '../payments/repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../subscriptions/repository.js';
import { toSubscription } from '../subscriptions/serialize.js';
import { pricesOf, rowFieldsFromCore } from '../subscriptions/state.js';
import { checkoutSessionRepository, type CheckoutSessionRow } from './repository.js';
import { toCheckoutSession } from './serialize.js';
import { stateOf } from './state.js';

export interface CompletionInput {
  livemode: boolean;
  sessionId: string;
  gatewayName: string;
  /** The gateway payment that paid today's invoice; absent when nothing was due (trial, 100 % off). */
  payment: { ref: string; amount: number; idempotencyKey: string } | null;
  atMs: number;
  ids: IdGenerator;
}

function newCustomer(
  session: CheckoutSessionRow,
  id: string,
  atMs: number,
  ids: IdGenerator,
): { customer: CustomerRow; taxIds: CustomerTaxIdRow[] } {
  const d = session.customerDetails;
  const customer: CustomerRow = {
    id,
    livemode: session.livemode,
    createdAt: atMs,
    updatedAt: atMs,
    email: d.email ?? null,
    name: d.businessName ?? d.name ?? null,
    phone: null,
    description: null,
    addressLine1: d.address.line1 ?? null,
    addressLine2: d.address.line2 ?? null,
    addressCity: d.address.city ?? null,
    addressState: d.address.state ?? null,
    addressPostalCode: d.address.postalCode ?? null,
    addressCountry: d.address.country ?? null,
    locale: session.locale,
    preferredCurrency: session.currency,
    taxExempt: 'none',
    testClockId: null,
    defaultPaymentMethodId: null,
    metadata: {},
    deletedAt: null,
  };
  return { customer, taxIds: d.taxId ? [taxIdRow(session, id, atMs, ids)] : [] };
}

function taxIdRow(
  session: CheckoutSessionRow,
  customerId: string,
  atMs: number,
  ids: IdGenerator,
): CustomerTaxIdRow {
  const taxId = session.customerDetails.taxId;
  if (!taxId) throw new InvariantBroken('taxIdRow without a tax id');
  return {
    id: ids.next('txi'),
    livemode: session.livemode,
    createdAt: atMs,
    customerId,
    type: taxId.type,
    value: taxId.value,
    country: taxIdCountry(taxId.type, taxId.value),
    verificationStatus: 'pending',
    verifiedName: null,
    nextCheckAt: atMs,
  };
}

/**
 * Everything a successful checkout creates, in the caller's transaction, after the money (or the
 * card set-up) succeeded at the gateway: the customer (or the existing one for the email) and its
 * tax id, the payment method, the subscription (active, or trialing), the first invoice finalized
 * and paid, the payment, price and promotion counters, the session completed, and the events.
 * A session already complete is returned unchanged, so a replayed completion writes nothing.
 */
export async function completeCheckout(tx: Executor, input: CompletionInput): Promise<CheckoutSessionRow> {
  const { livemode, atMs, ids } = input;
  const session = await checkoutSessionRepository.find(tx, livemode, input.sessionId);
  if (!session) throw new InvariantBroken(`checkout session ${input.sessionId} vanished`);
  if (session.status === 'complete') return session;
  const state = stateOf(session);
  const confirm = state.confirm;
  const method = confirm?.method;
  if (!confirm || !method || !confirm.customerRef)
    throw new InvariantBroken(`checkout session ${session.id} completed without a payment method`);

  // Customer: the one for this email, or a new one with the id reserved at confirmation.
  let customer = await findCustomer(tx, livemode, confirm.customerId);
  const customerCreated = customer === undefined;
  if (!customer) {
    const fresh = newCustomer(session, confirm.customerId, atMs, ids);
    await insertCustomer(tx, fresh.customer, fresh.taxIds);
    customer = fresh.customer;
  } else if (session.customerDetails.taxId) {
    const known = await customerTaxIdsOf(tx, customer.id);
    const { type, value } = session.customerDetails.taxId;
    if (!known.some((t) => t.type === type && t.value === value))
      await insertCustomerTaxId(tx, taxIdRow(session, customer.id, atMs, ids));
  }
  await saveCustomerRef(tx, input.gatewayName, livemode, customer.id, confirm.customerRef);

  const pm: PaymentMethodRow = {
    id: ids.next('pm'),
    livemode,
    createdAt: atMs,
    customerId: customer.id,
    type: method.type,
    gatewayRef: method.ref,
    gateway: input.gatewayName,
    brand: method.brand,
    last4: method.last4,
    expMonth: method.expMonth,
    expYear: method.expYear,
    offSessionReady: method.offSessionReady,
    detachedAt: null,
  };
  await paymentMethodRepository.insert(tx, pm);
  if (customer.defaultPaymentMethodId === null) {
    await paymentMethodRepository.setCustomerDefault(tx, livemode, customer.id, pm.id, atMs);
    customer = { ...customer, defaultPaymentMethodId: pm.id };
  }

  let subscription: SubscriptionRow | undefined;
  if (state.mode === 'subscription') {
    if (!state.period)
      throw new InvariantBroken(`checkout session ${session.id}: subscription quote without a period`);
    const base: CoreSubscription = {
      id: ids.next('sub'),
      customerId: customer.id,
      status: 'incomplete',
      items: state.subscriptionItems,
      anchorMs: state.period.startMs,
      timeZone: 'UTC',
      currentPeriod: state.period,
      cancelAtPeriodEnd: false,
      discounts: state.discounts,
      version: 1,
    };
    const core =
      state.trialEndMs !== null
        ? transition(base, 'trial_started', state.period.startMs, { trialEndMs: state.trialEndMs })
        : transition(base, 'payment_succeeded', atMs);
    subscription = {
      id: core.id,
      livemode,
      createdAt: atMs,
      updatedAt: atMs,
      customerId: customer.id,
      currency: session.currency,
      trialStart: state.trialEndMs !== null ? state.period.startMs : null,
      pausedAt: null,
      appliedOnceCouponIds: state.onceCouponsSpent,
      defaultPaymentMethodId: pm.id,
      latestInvoiceId: null,
      pendingLines: [],
      nextActionAt: core.currentPeriod.endMs,
      testClockId: customer.testClockId,
      metadata: session.metadata,
      ...rowFieldsFromCore(core),
    };
    await subscriptionRepository.insert(tx, subscription);
  }

  const seller = await loadSeller(tx, livemode);
  const finalized = await finalizeInvoice(tx, {
    livemode,
    customer,
    customerDetails: session.customerDetails,
    subscriptionId: subscription?.id ?? null,
    billingReason: subscription ? 'subscription_create' : 'manual',
    dedupeKey: `checkout:${session.id}`,
    invoice: state.today,
    ...(state.period ? { period: state.period } : {}),
    atMs,
    seller,
    ids,
  });
  let payment: PaymentRow | null = null;
  let invoice = finalized.invoice;
  if (input.payment) {
    payment = {
      id: ids.next('pay'),
      livemode,
      createdAt: atMs,
      updatedAt: atMs,
      customerId: customer.id,
      invoiceId: invoice.id,
      checkoutSessionId: session.id,
      amount: input.payment.amount,
      currency: session.currency,
      status: 'succeeded',
      paymentMethodId: pm.id,
      gateway: input.gatewayName,
      gatewayRef: input.payment.ref,
      idempotencyKey: input.payment.idempotencyKey,
      offSession: false,
      declineCode: null,
      failureMessage: null,
      hardDecline: null,
      amountRefunded: 0,
      metadata: {},
    };
    if (payment.amount !== invoice.amountDue) {
      throw new InvariantBroken(
        `checkout ${session.id}: charged ${payment.amount} but the invoice is due ${invoice.amountDue}`,
      );
    }
    await paymentRepository.insert(tx, payment);
    invoice = await markInvoicePaid(tx, { invoice, payment, atMs, ids });
  }
  if (subscription) {
    subscription =
      (await subscriptionRepository.update(tx, livemode, subscription.id, subscription.version, {
        latestInvoiceId: invoice.id,
      })) ?? subscription;
  }
  await markPricesUsed(
    tx,
    livemode,
    session.items.map((item) => item.priceId),
    atMs,
  );
  if (session.couponId !== null)
    await countRedemption(tx, livemode, session.couponId, session.promotionCodeId, atMs);

  const completed = await checkoutSessionRepository.update(tx, livemode, session.id, session.version, {
    status: 'complete',
    paymentStatus: input.payment ? 'paid' : 'no_payment_required',
    customerId: customer.id,
    subscriptionId: subscription?.id ?? null,
    invoiceId: invoice.id,
    paymentId: payment?.id ?? null,
    completedAt: atMs,
    updatedAt: atMs,
    quote: { ...state, confirm: { ...confirm, lockedAtMs: null, pending: null, lastError: null } },
  });
  if (!completed) throw new InvariantBroken(`checkout session ${session.id} changed during completion`);

  const event = async (type: string, data: unknown, key: string) => {
    await recordEvent(tx, { livemode, type, data, dedupeKey: `${type}:${key}`, atMs, id: ids.next('evt') });
  };
  if (customerCreated) {
    await event(
      'customer.created',
      toCustomer({ customer, taxIds: await customerTaxIdsOf(tx, customer.id) }),
      customer.id,
    );
  }
  await event('payment_method.attached', toPaymentMethod(pm, customer.defaultPaymentMethodId), pm.id);
  if (subscription)
    await event(
      'customer.subscription.created',
      toSubscription(subscription, await pricesOf(tx, livemode, [subscription])),
      subscription.id,
    );
  await event('checkout.session.completed', toCheckoutSession(completed), completed.id);
  return completed;
}
