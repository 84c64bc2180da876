import type {
  CheckoutCustomerDetailsParams,
  CheckoutSessionCreateParams,
  CheckoutSessionUpdateParams,
} from '@abona/api';
import { CoreError, validateTaxId, type TaxIdType } from '@abona/core';
import {
  checkPromotionMinimum,
  findPromotion,
  toDiscount,
  type AppliedDiscount,
} from '../../billing/discounts.js';
import { buildQuote, type Quote, type QuoteItem } from '../../billing/quote.js';
import { loadSeller } from '../../billing/seller.js';
import { taxCalculatorFor } from '../../billing/tax-context.js';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import type { CustomerDetailsJson, ItemJson } from '../../db/schema.js';
import { Conflict, InvalidRequest, NotFound } from '../../errors/index.js';
import type { IdGenerator } from '../../ids/index.js';
import type { Repositories } from '../../services.js';
import { normalizeCurrency } from '../prices/definition.js';
import { checkoutSessionRepository, type CheckoutSessionRow } from './repository.js';
import { stateFromQuote, stateOf, type ConfirmState } from './state.js';

/** A confirmation that crashed midway holds the session this long before another request may take over. */
export const CONFIRM_LOCK_MS = 60_000;

/** A session can be confirmed for this long after it was created (Stripe's default). */
export const CHECKOUT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export interface CheckoutDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  ids: IdGenerator;
}

/** The inputs a quote is computed from; a session stores them and recomputes on every change. */
export interface QuoteInputs {
  items: ItemJson[];
  currency: string | undefined;
  details: CustomerDetailsJson;
  promotionCode: string | null;
}

export interface PricedSession {
  quote: Quote;
  currency: string;
  applied: AppliedDiscount | null;
}

/** The customer details as stored, from the request (merged over `previous` on update). */
export function detailsFrom(
  params: CheckoutCustomerDetailsParams | undefined,
  email: string | null | undefined,
  previous?: CustomerDetailsJson,
): CustomerDetailsJson {
  const base: CustomerDetailsJson = previous
    ? { ...previous, address: { ...previous.address } }
    : { business: false, address: {} };
  if (email === null) delete base.email;
  else if (email !== undefined) base.email = email;
  if (!params) return base;
  if (params.name !== undefined) base.name = params.name;
  if (params.business_name !== undefined) base.businessName = params.business_name;
  if (params.address !== undefined) {
    const a = params.address;
    base.address = {
      country: a.country,
      ...(a.state !== undefined ? { state: a.state } : {}),
      ...(a.postal_code !== undefined ? { postalCode: a.postal_code } : {}),
      ...(a.line1 !== undefined ? { line1: a.line1 } : {}),
      ...(a.line2 !== undefined ? { line2: a.line2 } : {}),
      ...(a.city !== undefined ? { city: a.city } : {}),
    };
  }
  if (params.tax_id === null) delete base.taxId;
  else if (params.tax_id !== undefined) {
    let checked;
    try {
      checked = validateTaxId(params.tax_id.type as TaxIdType, params.tax_id.value);
    } catch (error) {
      if (error instanceof CoreError)
        throw new InvalidRequest(error.message, 'customer_details[tax_id][type]', 'tax_id_invalid');
      throw error;
    }
    if (!checked.valid)
      throw new InvalidRequest(
        `The tax id '${params.tax_id.value}' is not valid`,
        'customer_details[tax_id][value]',
        'tax_id_invalid',
      );
    base.taxId = { type: params.tax_id.type, value: checked.normalized, valid: true, status: 'pending' };
  }
  if (params.business !== undefined) base.business = params.business;
  else if (params.tax_id !== undefined || params.business_name !== undefined)
    base.business = base.taxId !== undefined || base.businessName !== undefined;
  return base;
}

/**
 * Checkout sessions: what the buyer chose and who they are, priced by the engine on every
 * change. Confirming (payment, then every row in one transaction) is in `confirm.ts`.
 */
export function checkoutSessionService(deps: CheckoutDeps) {
  const { db, repos, clock, ids } = deps;

  /** Loads prices and the promotion code and asks the engine for the quote. Reads only (never in a transaction). */
  async function price(livemode: boolean, inputs: QuoteInputs, atMs: number): Promise<PricedSession> {
    const rows: QuoteItem[] = [];
    for (const [i, item] of inputs.items.entries()) {
      const row = await repos.prices.find(livemode, item.priceId);
      if (!row)
        throw new InvalidRequest(
          `No such price: '${item.priceId}'`,
          `line_items[${i}][price]`,
          'resource_missing',
        );
      const product = await repos.products.find(livemode, row.productId);
      if (!product || !product.active)
        throw new InvalidRequest(
          `The product of price ${row.id} is not available`,
          `line_items[${i}][price]`,
          'product_inactive',
        );
      rows.push({ price: row, quantity: item.quantity, productName: product.name });
    }
    const currency = inputs.currency ?? rows[0]?.price.currency ?? 'EUR';
    const applied =
      inputs.promotionCode === null
        ? null
        : await findPromotion(repos, livemode, inputs.promotionCode, currency, atMs);
    const seller = await loadSeller(db, livemode);
    const quote = buildQuote({
      items: rows,
      currency,
      discounts: applied ? [toDiscount(applied.coupon, atMs)] : [],
      tax: taxCalculatorFor(seller, inputs.details),
      atMs,
      param: 'line_items',
    });
    if (applied)
      checkPromotionMinimum(
        applied,
        currency,
        Math.max(quote.today.subtotal, quote.then?.invoice.subtotal ?? 0),
      );
    return { quote, currency, applied };
  }

  /** The session's columns that follow from a priced quote. */
  function pricedColumns(
    priced: PricedSession,
    atMs: number,
    confirm: ConfirmState | null,
  ): Partial<CheckoutSessionRow> {
    const { quote, applied } = priced;
    return {
      mode: quote.mode,
      currency: priced.currency,
      promotionCodeId: applied?.promotionCode?.id ?? null,
      couponId: applied?.coupon.id ?? null,
      quote: stateFromQuote(quote, applied ? [toDiscount(applied.coupon, atMs)] : [], atMs, confirm),
      amountSubtotal: quote.today.subtotal,
      amountDiscount: quote.today.totalDiscount,
      amountTax: quote.today.tax,
      amountTotal: quote.today.total,
      trialEnd: quote.trialEndMs,
    };
  }

  async function get(livemode: boolean, id: string): Promise<CheckoutSessionRow> {
    const row = await checkoutSessionRepository.find(db, livemode, id);
    if (!row) throw new NotFound('checkout_session', id);
    return row;
  }

  const items = (lineItems: CheckoutSessionCreateParams['line_items']): ItemJson[] => {
    const seen = new Set<string>();
    return lineItems.map((item, i) => {
      if (seen.has(item.price))
        throw new InvalidRequest('A price may appear only once', `line_items[${i}][price]`);
      seen.add(item.price);
      return { priceId: item.price, quantity: item.quantity ?? 1 };
    });
  };

  /** The code the customer typed, as a stored promotion code's own spelling, for re-pricing. */
  async function promotionCodeText(livemode: boolean, row: CheckoutSessionRow): Promise<string | null> {
    if (row.promotionCodeId === null) return null;
    const promo = await repos.promotionCodes.find(livemode, row.promotionCodeId);
    return promo?.code ?? null;
  }

  return {
    price,
    pricedColumns,
    promotionCodeText,
    retrieve: get,

    async create(livemode: boolean, params: CheckoutSessionCreateParams): Promise<CheckoutSessionRow> {
      const atMs = clock.now();
      const details = detailsFrom(params.customer_details, params.email);
      const inputs: QuoteInputs = {
        items: items(params.line_items),
        currency: params.currency === undefined ? undefined : normalizeCurrency(params.currency, 'currency'),
        details,
        promotionCode: params.promotion_code ?? null,
      };
      const priced = await price(livemode, inputs, atMs);
      const row: CheckoutSessionRow = {
        id: ids.next('cs'),
        livemode,
        createdAt: atMs,
        updatedAt: atMs,
        status: 'open',
        mode: priced.quote.mode,
        items: inputs.items,
        currency: priced.currency,
        customerId: null,
        customerDetails: details,
        promotionCodeId: null,
        couponId: null,
        quote: null,
        amountSubtotal: 0,
        amountDiscount: 0,
        amountTax: 0,
        amountTotal: 0,
        trialEnd: null,
        paymentStatus: 'unpaid',
        paymentId: null,
        subscriptionId: null,
        invoiceId: null,
        successUrl: params.success_url ?? null,
        cancelUrl: params.cancel_url ?? null,
        locale: params.locale ?? null,
        expiresAt: atMs + CHECKOUT_SESSION_TTL_MS,
        completedAt: null,
        metadata: params.metadata ?? {},
        version: 1,
        ...pricedColumns(priced, atMs, null),
      };
      await checkoutSessionRepository.insert(db, row);
      return row;
    },

    async update(
      livemode: boolean,
      id: string,
      params: CheckoutSessionUpdateParams,
    ): Promise<CheckoutSessionRow> {
      const row = await get(livemode, id);
      const atMs = clock.now();
      if (row.status !== 'open')
        throw new InvalidRequest(
          `This checkout session is ${row.status}`,
          undefined,
          'checkout_session_not_open',
        );
      if (atMs >= row.expiresAt)
        throw new InvalidRequest('This checkout session has expired', undefined, 'checkout_session_expired');
      if (row.paymentStatus === 'processing')
        throw new InvalidRequest(
          'A payment is being processed for this session',
          undefined,
          'checkout_session_processing',
        );
      const lockedAtMs = stateOf(row).confirm?.lockedAtMs;
      // A confirmation is charging the current quote: changing it now would bill another amount.
      if (lockedAtMs !== null && lockedAtMs !== undefined && atMs - lockedAtMs < CONFIRM_LOCK_MS) {
        throw new Conflict('This checkout session is being confirmed; retry shortly', 'checkout_session_busy');
      }
      const details = detailsFrom(params.customer_details, params.email, row.customerDetails);
      const inputs: QuoteInputs = {
        items: params.line_items ? items(params.line_items) : row.items,
        currency: row.currency,
        details,
        promotionCode:
          params.promotion_code === undefined
            ? await promotionCodeText(livemode, row)
            : params.promotion_code,
      };
      const priced = await price(livemode, inputs, atMs);
      const confirm = stateOf(row).confirm;
      const updated = await checkoutSessionRepository.update(db, livemode, id, row.version, {
        ...pricedColumns(priced, atMs, confirm ? { ...confirm, pending: null } : null),
        items: inputs.items,
        customerDetails: details,
        ...(params.locale !== undefined ? { locale: params.locale } : {}),
        paymentStatus: 'unpaid',
        updatedAt: atMs,
      });
      if (!updated)
        throw new Conflict('The checkout session changed meanwhile; retry', 'checkout_session_changed');
      return updated;
    },
  };
}
export type CheckoutSessionService = ReturnType<typeof checkoutSessionService>;
