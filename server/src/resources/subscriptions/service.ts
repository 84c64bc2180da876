import type { SubscriptionCreateParams, SubscriptionListParams } from '@abona/api';
import { CoreError, transition, type Subscription as CoreSubscription } from '@abona/core';
import { customerDetailsOf } from '../../billing/details.js';
import {
  checkCoupon,
  checkPromotionForCustomer,
  findPromotion,
  toDiscount,
  type AppliedDiscount,
} from '../../billing/discounts.js';
import { finalizeInvoice } from '../../billing/finalize.js';
import type { Gateways } from '../../billing/gateways.js';
import { payInvoice } from '../../billing/pay.js';
import { buildQuote, type QuoteItem } from '../../billing/quote.js';
import {
  countRedemption,
  creditBalance,
  customerTaxIdsOf,
  findCustomer,
  markPricesUsed,
} from '../../billing/repository.js';
import { loadSeller } from '../../billing/seller.js';
import { taxCalculatorFor } from '../../billing/tax-context.js';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import { InvalidRequest, NotFound } from '../../errors/index.js';
import { recordEvent } from '../../events/record.js';
import { pageRequest, type Page } from '../../http/pagination.js';
import type { IdGenerator } from '../../ids/index.js';
import type { Repositories } from '../../services.js';
import { invoiceRepository } from '../invoices/repository.js';
import { paymentMethodRepository } from '../payment-methods/repository.js';
import { subscriptionRepository, type SubscriptionRow } from './repository.js';
import { testClockRepository } from '../test-clocks/repository.js';
import { nextActionOf } from '../../lifecycle/next-action.js';
import { toSubscription } from './serialize.js';
import { pricesOf, rowFieldsFromCore } from './state.js';
import type { PriceRow } from '../../db/schema.js';

export interface SubscriptionServiceDeps {
  db: Db;
  repos: Repositories;
  gateways: Gateways;
  clock: Clock;
  ids: IdGenerator;
}

/** A subscription with the prices its items refer to, ready to serialize. */
export interface SubscriptionView {
  row: SubscriptionRow;
  prices: Map<string, PriceRow>;
}

/** Subscriptions created by the vendor's backend (secret key) and charged off-session. */
export function subscriptionService(deps: SubscriptionServiceDeps) {
  const { db, repos, gateways, clock, ids } = deps;

  async function view(livemode: boolean, row: SubscriptionRow): Promise<SubscriptionView> {
    return { row, prices: await pricesOf(db, livemode, [row]) };
  }

  async function get(livemode: boolean, id: string): Promise<SubscriptionRow> {
    const row = await subscriptionRepository.find(db, livemode, id);
    if (!row) throw new NotFound('subscription', id);
    return row;
  }

  return {
    retrieve: async (livemode: boolean, id: string) => view(livemode, await get(livemode, id)),

    async list(
      livemode: boolean,
      params: SubscriptionListParams,
    ): Promise<{ rows: SubscriptionRow[]; hasMore: boolean; prices: Map<string, PriceRow> }> {
      const page: Page<SubscriptionRow> = await subscriptionRepository.list(
        db,
        livemode,
        { customerId: params.customer, status: params.status },
        pageRequest(params),
      );
      return { ...page, prices: await pricesOf(db, livemode, page.rows) };
    },

    /**
     * Creates the subscription and its first invoice in one transaction, then charges the
     * invoice off-session. Stripe's semantics: a payment that fails or needs 3-D Secure leaves
     * the subscription `incomplete` with its latest invoice open; a trial starts `trialing` with
     * a zero invoice.
     */
    async create(livemode: boolean, params: SubscriptionCreateParams): Promise<SubscriptionView> {
      const customer = await findCustomer(db, livemode, params.customer);
      if (!customer)
        throw new InvalidRequest(`No such customer: '${params.customer}'`, 'customer', 'resource_missing');
      // A customer on a test clock subscribes at the clock's time, so renewals line up with it.
      const atMs = customer.testClockId
        ? ((await testClockRepository(db).frozenTimeOf(customer.testClockId)) ?? clock.now())
        : clock.now();
      const items: QuoteItem[] = [];
      const seen = new Set<string>();
      for (const [i, item] of params.items.entries()) {
        const price = await repos.prices.find(livemode, item.price);
        if (!price)
          throw new InvalidRequest(
            `No such price: '${item.price}'`,
            `items[${i}][price]`,
            'resource_missing',
          );
        if (seen.has(price.id))
          throw new InvalidRequest('A price may appear only once', `items[${i}][price]`);
        if (price.type !== 'recurring')
          throw new InvalidRequest('Subscriptions take recurring prices', `items[${i}][price]`);
        seen.add(price.id);
        const product = await repos.products.find(livemode, price.productId);
        items.push({ price, quantity: item.quantity ?? 1, productName: product?.name ?? price.productId });
      }
      const first = items[0]?.price;
      if (!first) throw new InvalidRequest('At least one item is needed', 'items');
      const preferred = customer.preferredCurrency;
      const currency =
        preferred && items.every((i) => i.price.currency === preferred || i.price.currencyOptions[preferred])
          ? preferred
          : first.currency;

      if (params.promotion_code !== undefined && params.coupon !== undefined)
        throw new InvalidRequest('Pass either coupon or promotion_code, not both', 'coupon');
      let applied: AppliedDiscount | null = null;
      if (params.promotion_code !== undefined) {
        applied = await findPromotion(repos, livemode, params.promotion_code, currency, atMs);
        const paidBefore = (await invoiceRepository.countForCustomer(db, livemode, customer.id, 'paid')) > 0;
        checkPromotionForCustomer(applied, customer.id, paidBefore);
      } else if (params.coupon !== undefined) {
        const coupon = await repos.coupons.find(livemode, params.coupon);
        if (!coupon)
          throw new InvalidRequest(`No such coupon: '${params.coupon}'`, 'coupon', 'resource_missing');
        checkCoupon(coupon, currency, atMs, 'coupon');
        applied = { coupon, promotionCode: null };
      }
      if (params.default_payment_method !== undefined) {
        const pm = await paymentMethodRepository.find(db, livemode, params.default_payment_method);
        if (!pm || pm.customerId !== customer.id) {
          throw new InvalidRequest(
            `No such payment method for this customer: '${params.default_payment_method}'`,
            'default_payment_method',
            'resource_missing',
          );
        }
      }

      const seller = await loadSeller(db, livemode);
      const details = customerDetailsOf(customer, await customerTaxIdsOf(db, customer.id));
      const discounts = applied ? [toDiscount(applied.coupon, atMs)] : [];
      const quote = buildQuote({
        items,
        currency,
        discounts,
        tax: taxCalculatorFor(seller, details),
        atMs,
        trialDays: params.trial_period_days,
        creditBalance: await creditBalance(db, livemode, customer.id, currency),
        param: 'items',
      });
      if (!quote.period) throw new InvalidRequest('Subscriptions take recurring prices', 'items');
      const period = quote.period;

      const id = ids.next('sub');
      const created = await db.transaction(async (tx) => {
        const base: CoreSubscription = {
          id,
          customerId: customer.id,
          status: 'incomplete',
          items: quote.subscriptionItems,
          anchorMs: period.startMs,
          timeZone: 'UTC',
          currentPeriod: period,
          cancelAtPeriodEnd: false,
          discounts,
          version: 1,
        };
        let core = base;
        if (quote.trialEndMs !== null)
          core = transition(base, 'trial_started', atMs, { trialEndMs: quote.trialEndMs });
        else if (quote.today.amountDue === 0) core = transition(base, 'payment_succeeded', atMs);
        const row: SubscriptionRow = {
          id,
          livemode,
          createdAt: atMs,
          updatedAt: atMs,
          customerId: customer.id,
          currency,
          trialStart: quote.trialEndMs !== null ? atMs : null,
          pausedAt: null,
          appliedOnceCouponIds: quote.onceCouponsSpent,
          defaultPaymentMethodId: params.default_payment_method ?? null,
          latestInvoiceId: null,
          pendingLines: [],
          // Reminders, trial ends and the first-payment window come first when due earlier.
          nextActionAt: nextActionOf(
            { status: core.status, createdAt: atMs, currentPeriodStart: core.currentPeriod.startMs, currentPeriodEnd: core.currentPeriod.endMs, pauseResumesAt: null, cancelAtPeriodEnd: false },
            atMs,
            null,
            quote.subscriptionItems.some((item) => item.price.recurring?.usageType === 'metered'),
          ),
          testClockId: customer.testClockId,
          metadata: params.metadata ?? {},
          ...rowFieldsFromCore(core),
        };
        await subscriptionRepository.insert(tx, row);
        const { invoice } = await finalizeInvoice(tx, {
          livemode,
          customer,
          customerDetails: details,
          subscriptionId: id,
          billingReason: 'subscription_create',
          dedupeKey: `subscription_create:${id}`,
          invoice: quote.today,
          period,
          atMs,
          seller,
          ids,
        });
        const withInvoice =
          (await subscriptionRepository.update(tx, livemode, id, row.version, {
            latestInvoiceId: invoice.id,
          })) ?? row;
        await markPricesUsed(
          tx,
          livemode,
          items.map((i) => i.price.id),
          atMs,
        );
        if (applied)
          await countRedemption(tx, livemode, applied.coupon.id, applied.promotionCode?.id ?? null, atMs);
        await recordEvent(tx, {
          livemode,
          type: 'customer.subscription.created',
          data: toSubscription(withInvoice, await pricesOf(tx, livemode, [withInvoice])),
          dedupeKey: `customer.subscription.created:${id}`,
          atMs,
          id: ids.next('evt'),
        });
        return { row: withInvoice, invoice };
      });

      if (created.invoice.status === 'open') {
        try {
          await payInvoice(db, gateways.of(livemode), {
            livemode,
            invoice: created.invoice,
            paymentMethod: params.default_payment_method ?? null,
            offSession: true,
            atMs,
            ids,
          });
        } catch (error) {
          // The gateway refused the request itself: the subscription stays incomplete, as after a decline.
          if (!(error instanceof CoreError) && !(error instanceof InvalidRequest)) throw error;
        }
      }
      return view(livemode, await get(livemode, id));
    },
  };
}
export type SubscriptionService = ReturnType<typeof subscriptionService>;
