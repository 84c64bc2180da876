import type { InvoicePreviewParams, PreviewItemParams } from '@abona/api';
import {
  addIntervals,
  buildInvoice,
  fromIso,
  linesForItems,
  previewPlanChange,
  priceAmount,
  resolveTaxBehavior,
  usageLine,
  type Discount,
  type Invoice,
  type InvoiceLineDraft,
  type PlanChangePreview,
  type Price,
  type Product as CoreProduct,
  type Subscription,
  type TaxCalculator,
} from '@abona/core';
import { loadSeller } from '../../billing/seller.js';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import type { CouponRow, CustomerDetailsJson, CustomerRow, PriceRow, ProductRow } from '../../db/schema.js';
import { InvalidRequest } from '../../errors/index.js';
import type { Repositories } from '../../services.js';
import { toCoreCoupon } from '../coupons/service.js';
import { commonCurrencies, quoteCurrency } from '../pricing/multi-currency.js';
import { countryParam, visitorDetails } from '../pricing/visitor.js';
import type { PricingService } from '../pricing/service.js';
import { toCorePrice } from '../prices/to-core.js';
import { loadBillingSettings, planChangePolicyFor } from '../settings/billing.js';
import { previewRepository, type SubscriptionRow } from './repository.js';
import { taxMemo } from './tax-memo.js';

export interface InvoicePreviewDeps {
  db: Db;
  clock: Clock;
  repos: Pick<Repositories, 'prices' | 'products' | 'customers' | 'coupons' | 'promotionCodes'>;
  /** Its cached catalog and seller spare the preview most reads (the cache is dropped on every write). */
  pricing?: Pick<PricingService, 'catalog' | 'seller'>;
}

/** A previewed invoice and what it was built from. */
export interface InvoicePreviewResult {
  invoice: Invoice;
  atMs: number;
  customerId: string | null;
  subscriptionId: string | null;
  discounts: { couponId: string; promotionCodeId: string | null }[];
  planChange: PlanChangePreview | null;
}

/** Who the invoice is for: a stored customer (with `customer_details` overriding its place), or only details. */
function customerDetailsOf(
  customer: CustomerRow | undefined,
  taxIds: { type: string; value: string; verificationStatus: string }[],
  params: InvoicePreviewParams,
): CustomerDetailsJson {
  const given = params.customer_details;
  if (given) {
    const taxId = given.tax_id ?? (taxIds[0] ? { type: taxIds[0].type, value: taxIds[0].value } : undefined);
    return visitorDetails(
      {
        country: countryParam(given.address.country, 'customer_details[address][country]'),
        state: given.address.state,
        postalCode: given.address.postal_code,
        business: given.business,
        taxId,
        taxExempt: given.tax_exempt ?? customer?.taxExempt,
      },
      given.tax_id ? 'customer_details[tax_id][type]' : 'customer',
    );
  }
  if (!customer)
    throw new InvalidRequest('Give customer or customer_details[address][country]', 'customer_details');
  if (!customer.addressCountry)
    throw new InvalidRequest(
      'This customer has no address country; pass customer_details[address]',
      'customer',
    );
  const first = taxIds[0];
  const details = visitorDetails(
    {
      country: customer.addressCountry,
      state: customer.addressState ?? undefined,
      postalCode: customer.addressPostalCode ?? undefined,
      taxId: first ? { type: first.type, value: first.value } : undefined,
      taxExempt: customer.taxExempt,
    },
    'customer',
  );
  // An online check that said "no" outweighs a well-formed number.
  if (details.taxId && first?.verificationStatus === 'unverified') details.taxId.status = 'unverified';
  return details;
}

/**
 * `POST /v1/invoices/preview`: the invoice that would be billed, built by the engine exactly as
 * the real one (core `linesForItems` / `previewPlanChange` → `buildInvoice` with the seller's tax
 * context). Read-only: nothing is stored, no code is redeemed.
 */
export function invoicePreviewService(deps: InvoicePreviewDeps) {
  const { db, clock, repos } = deps;
  const own = previewRepository(db);
  const taxOf = taxMemo();
  // The engine's view of a cached catalog row, made once per currency: core compiles (and
  // validates) each price object once, so the same object is what spares that work per preview.
  const corePrices = new WeakMap<PriceRow, Map<string, Price>>();
  const corePrice = (row: PriceRow, currency: string): Price => {
    let byCurrency = corePrices.get(row);
    if (!byCurrency) corePrices.set(row, (byCurrency = new Map()));
    let price = byCurrency.get(currency);
    if (!price) byCurrency.set(currency, (price = toCorePrice(row, currency)));
    return price;
  };

  async function priceRow(
    livemode: boolean,
    ref: string,
    param: string,
    requireActive: boolean,
  ): Promise<PriceRow> {
    const cached = deps.pricing ? await deps.pricing.catalog(livemode) : undefined;
    const row =
      cached?.priceById.get(ref) ??
      cached?.priceByLookupKey.get(ref) ??
      (await repos.prices.find(livemode, ref)) ??
      (await repos.prices.findByLookupKey(livemode, ref));
    if (!row) throw new InvalidRequest(`No such price: '${ref}'`, param, 'resource_missing');
    if (requireActive && !row.active)
      throw new InvalidRequest(`The price '${ref}' is archived`, param, 'price_inactive');
    return row;
  }

  async function productsOf(livemode: boolean, rows: readonly PriceRow[]): Promise<Map<string, ProductRow>> {
    const cached = deps.pricing ? await deps.pricing.catalog(livemode) : undefined;
    const out = new Map<string, ProductRow>();
    for (const id of new Set(rows.map((r) => r.productId))) {
      const product = cached?.productByKey.get(id) ?? (await repos.products.find(livemode, id));
      if (product) out.set(id, product);
    }
    return out;
  }

  function couponUsable(coupon: CouponRow, atMs: number, param: string): void {
    if (coupon.redeemBy !== null && coupon.redeemBy <= atMs)
      throw new InvalidRequest('This coupon can no longer be redeemed', param, 'coupon_expired');
    if (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) {
      throw new InvalidRequest('This coupon has been fully redeemed', param, 'coupon_exhausted');
    }
  }

  /** The discount asked for (a coupon id or a customer-facing code), checked as checkout would. */
  async function requestedDiscount(livemode: boolean, params: InvoicePreviewParams, atMs: number) {
    if (params.coupon !== undefined && params.promotion_code !== undefined)
      throw new InvalidRequest('Give either coupon or promotion_code, not both', 'coupon');
    if (params.coupon !== undefined) {
      const coupon = await repos.coupons.find(livemode, params.coupon);
      if (!coupon)
        throw new InvalidRequest(`No such coupon: '${params.coupon}'`, 'coupon', 'resource_missing');
      couponUsable(coupon, atMs, 'coupon');
      return { coupon, promotionCodeId: null, minimum: undefined };
    }
    if (params.promotion_code === undefined) return undefined;
    const param = 'promotion_code';
    const found = await repos.promotionCodes.findByCodeWithCoupon(livemode, params.promotion_code);
    const code = found?.code;
    if (!code || !code.active)
      throw new InvalidRequest(
        `No such promotion code: '${params.promotion_code}'`,
        param,
        'promotion_code_invalid',
      );
    if (code.expiresAt !== null && code.expiresAt <= atMs)
      throw new InvalidRequest('This promotion code has expired', param, 'promotion_code_expired');
    if (code.maxRedemptions !== null && code.timesRedeemed >= code.maxRedemptions) {
      throw new InvalidRequest(
        'This promotion code has been fully redeemed',
        param,
        'promotion_code_exhausted',
      );
    }
    if (code.customerId !== null && code.customerId !== params.customer) {
      throw new InvalidRequest(
        'This promotion code is for another customer',
        param,
        'promotion_code_invalid',
      );
    }
    const coupon = found.coupon;
    if (!coupon)
      throw new InvalidRequest('This promotion code is no longer valid', param, 'promotion_code_invalid');
    couponUsable(coupon, atMs, param);
    const minimum =
      code.minimumAmount !== null && code.minimumAmountCurrency !== null
        ? { amount: code.minimumAmount, currency: code.minimumAmountCurrency }
        : undefined;
    return { coupon, promotionCodeId: code.id, minimum };
  }

  /** Lines of a new purchase: each recurring item's first period from `atMs`, one-time items once. */
  function purchaseLines(
    items: readonly { price: Price; quantity: number }[],
    atMs: number,
    names: Record<string, string>,
    defaultTaxBehavior: 'inclusive' | 'exclusive',
  ): InvoiceLineDraft[] {
    const options = { productNames: names, defaultTaxBehavior };
    return items.map(({ price, quantity }) => {
      const recurring = price.recurring;
      if (recurring === null) {
        const line: InvoiceLineDraft = {
          kind: 'one_time',
          description:
            quantity === 1
              ? (names[price.productId] ?? price.productId)
              : `${names[price.productId] ?? price.productId} × ${quantity}`,
          amount: priceAmount(price, quantity),
          quantity,
          priceId: price.id,
          productId: price.productId,
          taxBehavior: price.taxBehavior === 'unspecified' ? defaultTaxBehavior : price.taxBehavior,
        };
        if (price.taxCode !== undefined) line.taxCode = price.taxCode;
        return line;
      }
      const period = { startMs: atMs, endMs: addIntervals(atMs, recurring.interval, 1) };
      if (recurring.usageType === 'metered') return usageLine(price, quantity, period, options);
      const [line] = linesForItems([{ price, quantity }], period, options);
      return line as InvoiceLineDraft;
    });
  }

  function toCoreProduct(row: ProductRow): CoreProduct {
    return {
      id: row.id,
      name: row.name,
      entitlements: row.entitlements,
      ...(row.description !== null ? { description: row.description } : {}),
      ...(row.productGroup !== null ? { group: row.productGroup } : {}),
      ...(row.rank !== null ? { rank: row.rank } : {}),
      ...(row.taxCode !== null ? { taxCode: row.taxCode } : {}),
    };
  }

  async function subscriptionDiscounts(livemode: boolean, sub: SubscriptionRow): Promise<Discount[]> {
    const coupons = await repos.coupons.findMany(
      livemode,
      sub.discounts.map((d) => d.couponId),
    );
    const byId = new Map(coupons.map((c) => [c.id, c]));
    return sub.discounts.flatMap((d) => {
      const coupon = byId.get(d.couponId);
      return coupon ? [{ coupon: toCoreCoupon(coupon), startMs: d.startMs }] : [];
    });
  }

  async function planChange(
    livemode: boolean,
    params: InvoicePreviewParams,
    sub: SubscriptionRow,
    atMs: number,
    tax: TaxCalculator,
    defaultTaxBehavior: 'inclusive' | 'exclusive',
    extra: Discount[],
  ): Promise<{ invoice: Invoice; preview: PlanChangePreview }> {
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired')
      throw new InvalidRequest('This subscription has ended', 'subscription', 'subscription_ended');
    const newRefs = params.subscription_items;
    if (!newRefs)
      throw new InvalidRequest(
        'A plan-change preview needs subscription_items (the complete new set of items)',
        'subscription_items',
      );
    const currentRows = await Promise.all(
      sub.items.map((item, i) => priceRow(livemode, item.priceId, `subscription[items][${i}]`, false)),
    );
    const newRows = await Promise.all(
      newRefs.map((item, i) => priceRow(livemode, item.price, `subscription_items[${i}][price]`, true)),
    );
    const inCurrency = (row: PriceRow, param: string) => {
      if (row.currency !== sub.currency && !(sub.currency in row.currencyOptions)) {
        throw new InvalidRequest(
          `Price ${row.id} is not offered in the subscription's currency ${sub.currency}`,
          param,
          'currency_not_offered',
        );
      }
      return corePrice(row, sub.currency);
    };
    const products = await productsOf(livemode, [...currentRows, ...newRows]);
    const discounts = [...(await subscriptionDiscounts(livemode, sub)), ...extra];
    const subscription: Subscription = {
      id: sub.id,
      customerId: sub.customerId,
      status: sub.status,
      items: sub.items.map((item, i) => ({
        priceId: item.priceId,
        quantity: item.quantity,
        price: inCurrency(currentRows[i] as PriceRow, 'subscription'),
      })),
      anchorMs: sub.anchorMs,
      timeZone: sub.timeZone,
      currentPeriod: { startMs: sub.currentPeriodStart, endMs: sub.currentPeriodEnd },
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      discounts,
      version: sub.version,
      ...(sub.trialEnd !== null ? { trialEndMs: sub.trialEnd } : {}),
      ...(sub.canceledAt !== null ? { canceledAtMs: sub.canceledAt } : {}),
    };
    const newItems = newRows.map((row, i) => ({
      priceId: row.id,
      quantity: newRefs[i]?.quantity ?? 1,
      price: inCurrency(row, `subscription_items[${i}][price]`),
    }));
    const settings = await loadBillingSettings(db, livemode);
    const group = products.get(newRows[0]?.productId ?? '')?.productGroup ?? null;
    const preview = previewPlanChange({
      subscription,
      newItems,
      atMs,
      policy: planChangePolicyFor(settings, group),
      prorationBehavior: settings.prorationBehavior,
      products: [...products.values()].map(toCoreProduct),
      defaultTaxBehavior,
      tax,
    });
    // Billed now: core's invoice. Else the next renewal, as it stands after the change.
    const invoice =
      preview.invoice ??
      buildInvoice(
        {
          currency: sub.currency as Invoice['currency'],
          lines: preview.nextInvoiceLines,
          discounts,
          appliedOnceCouponIds: sub.appliedOnceCouponIds,
          atMs: Math.max(atMs, preview.resultingSubscription.currentPeriod.startMs),
        },
        tax,
      );
    return { invoice, preview };
  }

  return {
    async preview(livemode: boolean, params: InvoicePreviewParams): Promise<InvoicePreviewResult> {
      const atMs = params.at !== undefined ? fromIso(params.at, 'at') : clock.now();
      const seller = deps.pricing ? await deps.pricing.seller(livemode) : await loadSeller(db, livemode);
      const sub =
        params.subscription !== undefined ? await own.subscription(livemode, params.subscription) : undefined;
      if (params.subscription !== undefined && !sub)
        throw new InvalidRequest(
          `No such subscription: '${params.subscription}'`,
          'subscription',
          'resource_missing',
        );
      if (sub && params.items !== undefined)
        throw new InvalidRequest('A plan-change preview takes subscription_items, not items', 'items');
      if (!sub && params.subscription_items !== undefined)
        throw new InvalidRequest('subscription_items need a subscription', 'subscription');
      if (sub && params.customer !== undefined && params.customer !== sub.customerId) {
        throw new InvalidRequest("customer is not the subscription's customer", 'customer');
      }
      const customerId = sub?.customerId ?? params.customer;
      const customer =
        customerId !== undefined ? await repos.customers.find(livemode, customerId) : undefined;
      if (customerId !== undefined && !customer)
        throw new InvalidRequest(`No such customer: '${customerId}'`, 'customer', 'resource_missing');
      const taxIds = customer ? ((await repos.customers.taxIdsOf([customer.id])).get(customer.id) ?? []) : [];
      const details = customerDetailsOf(customer, taxIds, params);
      const { context, tax } = taxOf(seller, details);
      const defaultTaxBehavior = resolveTaxBehavior('unspecified', context);
      const requested = await requestedDiscount(livemode, params, atMs);
      const extra: Discount[] = requested ? [{ coupon: toCoreCoupon(requested.coupon), startMs: atMs }] : [];

      let invoice: Invoice;
      let change: PlanChangePreview | null = null;
      if (sub) {
        const result = await planChange(livemode, params, sub, atMs, tax, defaultTaxBehavior, extra);
        invoice = result.invoice;
        change = result.preview;
      } else {
        const refs: PreviewItemParams[] = params.items ?? [];
        if (refs.length === 0) throw new InvalidRequest('Give at least one item', 'items');
        const rows = await Promise.all(
          refs.map((item, i) => priceRow(livemode, item.price, `items[${i}][price]`, true)),
        );
        const available = commonCurrencies(rows);
        if (available.length === 0)
          throw new InvalidRequest('These prices share no currency', 'items', 'no_common_currency');
        const preferred = (params.currency ?? customer?.preferredCurrency ?? undefined)?.toUpperCase();
        if (params.currency !== undefined && !available.includes(preferred ?? '')) {
          throw new InvalidRequest(
            `These prices are not all offered in ${preferred}`,
            'currency',
            'currency_not_offered',
          );
        }
        const currency = quoteCurrency({
          available,
          country: context.customer.country,
          preferred,
          sellerDefault: seller.defaultCurrency,
          atMs,
        });
        const products = await productsOf(livemode, rows);
        const names = Object.fromEntries([...products.values()].map((p) => [p.id, p.name]));
        const items = rows.map((row, i) => ({
          price: corePrice(row, currency),
          quantity: refs[i]?.quantity ?? 1,
        }));
        const creditBalance = customer
          ? Math.max(0, await own.creditBalance(livemode, customer.id, currency))
          : 0;
        invoice = buildInvoice(
          {
            currency,
            lines: purchaseLines(items, atMs, names, defaultTaxBehavior),
            discounts: extra,
            creditBalance,
            atMs,
          },
          tax,
        );
      }

      const minimum = requested?.minimum;
      if (minimum && minimum.currency === invoice.currency && invoice.subtotal < minimum.amount) {
        throw new InvalidRequest(
          `This promotion code needs a subtotal of at least ${minimum.amount} (minor units of ${minimum.currency})`,
          'promotion_code',
          'promotion_code_minimum',
        );
      }
      const discounts = [
        ...(sub?.discounts ?? []).map((d) => ({ couponId: d.couponId, promotionCodeId: null })),
        ...(requested ? [{ couponId: requested.coupon.id, promotionCodeId: requested.promotionCodeId }] : []),
      ];
      return {
        invoice,
        atMs,
        customerId: customer?.id ?? null,
        subscriptionId: sub?.id ?? null,
        discounts,
        planChange: change,
      };
    },
  };
}
export type InvoicePreviewService = ReturnType<typeof invoicePreviewService>;
