import type { PortalConfig, PortalCustomerUpdateParams, PortalListParams, TaxIdParams } from '@abona/api';
import { InvalidInputError, validateTaxId, type TaxIdType } from '@abona/core';
import type { Clock } from '../clock/index.js';
import type { Db } from '../db/client.js';
import type { CustomerRow, CustomerTaxIdRow, PriceRow } from '../db/schema.js';
import { InvalidRequest, NotFound } from '../errors/index.js';
import { pageRequest, type Page } from '../http/pagination.js';
import type { IdGenerator } from '../ids/index.js';
import { toCustomer, type CustomerView } from '../resources/customers/serialize.js';
import { taxIdCountry } from '../resources/customers/service.js';
import type { CustomerEntitlements, EntitlementService } from '../resources/entitlements/service.js';
import {
  portalRepository,
  type CustomerScope,
  type InvoiceLineRow,
  type InvoiceRow,
  type PaymentMethodRow,
  type SubscriptionRow,
} from './repository.js';
import { loadBillingSettings } from '../resources/settings/billing.js';

export interface PortalServiceDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  entitlements: EntitlementService;
}

/** Subscriptions whose plan the customer may change from: their group's products are offered. */
const CHANGEABLE_STATUSES: readonly SubscriptionRow['status'][] = [
  'active',
  'trialing',
  'past_due',
  'paused',
];

export interface SubscriptionView {
  row: SubscriptionRow;
  /** Every price the subscription uses. */
  prices: Map<string, PriceRow>;
}

export interface InvoiceView {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
}

/**
 * Validates a tax id with the engine (format and check digits) and gives its stored form.
 * @throws InvalidRequest `tax_id[type]` for an unknown type, `tax_id` (`tax_id_invalid`) with the reason.
 */
export function checkTaxId(taxId: TaxIdParams): { type: string; value: string; country: string | null } {
  let result;
  try {
    result = validateTaxId(taxId.type as TaxIdType, taxId.value);
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new InvalidRequest(`Unknown tax id type: '${taxId.type}'`, 'tax_id[type]');
    throw error;
  }
  if (!result.valid) {
    const why =
      result.reason === 'checksum'
        ? 'its check digits do not match'
        : 'it does not have the format of this type';
    throw new InvalidRequest(
      `This ${taxId.type} tax id is not valid (${result.reason ?? 'format'}): ${why}`,
      'tax_id',
      'tax_id_invalid',
    );
  }
  return {
    type: taxId.type,
    value: result.normalized,
    country: result.country ?? taxIdCountry(taxId.type, result.normalized),
  };
}

/**
 * What a portal token may do, always within its customer's scope. Lifecycle actions (plan
 * changes, cancel, pause, payment methods) are added by other modules on the portal router.
 */
export function portalService(deps: PortalServiceDeps) {
  const { db, clock, ids } = deps;

  async function customer(scope: CustomerScope): Promise<CustomerView> {
    const view = await portalRepository(db).customer(scope);
    if (!view) throw new NotFound('customer', scope.customerId);
    return view;
  }

  function pricesOf(livemode: boolean, rows: readonly SubscriptionRow[]): Promise<Map<string, PriceRow>> {
    return portalRepository(db).pricesById(
      livemode,
      rows.flatMap((row) => row.items.map((item) => item.priceId)),
    );
  }

  async function withLines(invoices: readonly InvoiceRow[]): Promise<InvoiceView[]> {
    const lines = await portalRepository(db).linesOf(invoices.map((invoice) => invoice.id));
    return invoices.map((invoice) => ({ invoice, lines: lines.get(invoice.id) ?? [] }));
  }

  return {
    customer,

    /**
     * Edits the customer's billing details. The customer row, its tax ids and a
     * `customer.updated` event are written in one transaction.
     */
    async updateCustomer(scope: CustomerScope, params: PortalCustomerUpdateParams): Promise<CustomerView> {
      const checked = params.tax_id ? checkTaxId(params.tax_id) : undefined;
      return db.transaction(async (tx) => {
        const repo = portalRepository(tx);
        const current = await repo.customer(scope);
        if (!current) throw new NotFound('customer', scope.customerId);
        const nowMs = clock.now();
        const patch: Partial<CustomerRow> = { updatedAt: nowMs };
        if (params.name !== undefined) patch.name = params.name;
        if (params.email !== undefined) patch.email = params.email;
        if (params.locale !== undefined) patch.locale = params.locale;
        if (params.address !== undefined) {
          const a = params.address;
          Object.assign(patch, {
            addressLine1: a?.line1 ?? null,
            addressLine2: a?.line2 ?? null,
            addressCity: a?.city ?? null,
            addressState: a?.state ?? null,
            addressPostalCode: a?.postal_code ?? null,
            addressCountry: a?.country ?? null,
          });
        }
        let taxIds: CustomerTaxIdRow[] | undefined;
        if (params.tax_id === null) taxIds = [];
        else if (checked) {
          // The same number again keeps its row (and its verification status).
          const same = current.taxIds.find((row) => row.type === checked.type && row.value === checked.value);
          taxIds = [
            same ?? {
              id: ids.next('txi'),
              livemode: scope.livemode,
              createdAt: nowMs,
              customerId: scope.customerId,
              type: checked.type,
              value: checked.value,
              country: checked.country,
              verificationStatus: 'pending',
              verifiedName: null,
              nextCheckAt: nowMs,
            },
          ];
        }
        await repo.updateCustomer(scope, patch, taxIds);
        const updated = await repo.customer(scope);
        if (!updated) throw new NotFound('customer', scope.customerId);
        // Each edit is its own event; a retried request is answered by the idempotency layer.
        const eventId = ids.next('evt');
        await repo.recordEvent({
          id: eventId,
          livemode: scope.livemode,
          createdAt: nowMs,
          type: 'customer.updated',
          data: toCustomer(updated),
          dedupeKey: `customer.updated:${eventId}`,
          dispatchedAt: null,
        });
        return updated;
      });
    },

    async listSubscriptions(
      scope: CustomerScope,
      params: PortalListParams,
    ): Promise<Page<SubscriptionRow> & { prices: Map<string, PriceRow> }> {
      const page = await portalRepository(db).listSubscriptions(scope, pageRequest(params));
      return { ...page, prices: await pricesOf(scope.livemode, page.rows) };
    },

    async subscription(scope: CustomerScope, id: string): Promise<SubscriptionView> {
      const row = await portalRepository(db).findSubscription(scope, id);
      if (!row) throw new NotFound('subscription', id);
      return { row, prices: await pricesOf(scope.livemode, [row]) };
    },

    async listInvoices(scope: CustomerScope, params: PortalListParams): Promise<Page<InvoiceView>> {
      const page = await portalRepository(db).listInvoices(scope, pageRequest(params));
      return { rows: await withLines(page.rows), hasMore: page.hasMore };
    },

    async invoice(scope: CustomerScope, id: string): Promise<InvoiceView> {
      const row = await portalRepository(db).findInvoice(scope, id);
      if (!row) throw new NotFound('invoice', id);
      const [view] = await withLines([row]);
      if (!view) throw new NotFound('invoice', id);
      return view;
    },

    async paymentMethods(
      scope: CustomerScope,
    ): Promise<{ rows: PaymentMethodRow[]; defaultId: string | null }> {
      const { customer: row } = await customer(scope);
      return {
        rows: await portalRepository(db).paymentMethods(scope),
        defaultId: row.defaultPaymentMethodId,
      };
    },

    entitlements(scope: CustomerScope): Promise<CustomerEntitlements> {
      return deps.entitlements.forCustomer(scope.livemode, scope.customerId);
    },

    /** What the portal may offer this customer, from the vendor's billing settings and catalog. */
    async config(scope: CustomerScope): Promise<PortalConfig> {
      const settings = await loadBillingSettings(db, scope.livemode);
      const repo = portalRepository(db);
      const subs = await repo.subscriptionsIn(scope, CHANGEABLE_STATUSES);
      const prices = await repo.pricesById(
        scope.livemode,
        subs.flatMap((sub) => sub.items.map((item) => item.priceId)),
      );
      const held = await repo.productsById(
        scope.livemode,
        [...prices.values()].map((price) => price.productId),
      );
      const groups = [...held.values()]
        .map((product) => product.productGroup)
        .filter((group): group is string => group !== null);
      const plans = (await repo.plansInGroups(scope.livemode, groups)).map(({ product, priceIds }) => ({
        product: product.id,
        name: product.name,
        group: product.productGroup ?? '',
        rank: product.rank,
        prices: priceIds,
      }));
      const couponId = settings.retentionCouponId;
      const retention =
        couponId !== null && (await repo.couponExists(scope.livemode, couponId))
          ? { coupon: couponId }
          : null;
      return {
        object: 'portal_configuration',
        features: {
          customer_update: {
            enabled: true,
            allowed_updates: ['name', 'email', 'address', 'tax_id', 'locale'],
          },
          invoice_history: { enabled: true },
          payment_method_update: { enabled: true },
          subscription_cancel: {
            enabled: true,
            mode: settings.allowCancelNow ? 'immediately' : 'at_period_end',
            retention_offer: retention,
          },
          subscription_pause: { enabled: settings.allowPause },
          subscription_update: { enabled: plans.length > 1, products: plans },
        },
        livemode: scope.livemode,
      };
    },
  };
}
export type PortalService = ReturnType<typeof portalService>;
