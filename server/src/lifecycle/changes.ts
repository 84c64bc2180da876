import type { SubscriptionChangeParams, SubscriptionCompleteChangeParams, SubscriptionPreviewChangeParams } from '@abona/api';
import { applyPlanChange, CoreError, InvalidInputError, previewPlanChange, type InvoiceLineDraft, type PlanChangeInput, type PlanChangePreview, type Product, type SubscriptionItem } from '@abona/core';
import { customerDetailsOf } from '../billing/details.js';
import { payInvoice, recordPaymentResult, type PayInvoiceResult } from '../billing/pay.js';
import { customerTaxIdsOf, markPricesUsed } from '../billing/repository.js';
import { taxCalculatorFor } from '../billing/tax-context.js';
import type { Executor } from '../db/client.js';
import { inMode } from '../db/in-mode.js';
import { invoices as invoicesTable, prices as pricesTable, type PriceRow } from '../db/schema.js';
import { ApiError, Conflict, InvalidRequest, NotFound, PaymentFailed } from '../errors/index.js';
import { invoiceRepository, type InvoiceRow } from '../resources/invoices/repository.js';
import { paymentRepository } from '../resources/payments/repository.js';
import { toCorePrice } from '../resources/prices/to-core.js';
import { planChangePolicyFor } from '../resources/settings/billing.js';
import { subscriptionRepository, type SubscriptionRow } from '../resources/subscriptions/repository.js';
import { loadCoreSubscription, rowFieldsFromCore } from '../resources/subscriptions/state.js';
import type { Clocks } from '../resources/test-clocks/clocks.js';
import { and, eq, inArray } from 'drizzle-orm';
import { freshCache, type LifecycleDeps, type RunCache } from './context.js';
import { refreshNextAction } from './dunning.js';
import { billSubscription, productNamesOf } from './invoice.js';
import { subscriptionEvent } from './notify.js';
import { voidInvoice } from './void.js';
import { lifecycleRepository } from './repository.js';
import { deriveIdempotencyKey } from '../gateway/idempotency.js';

/** Who asks: the vendor (secret key, off-session charges) or the customer in the portal (on-session, 3-D Secure). */
export interface Actor {
  livemode: boolean;
  /** Set for portal calls: only this customer's subscriptions exist. */
  customerId?: string;
}

export interface ChangeOutcome {
  status: 'applied' | 'scheduled' | 'requires_action';
  row: SubscriptionRow;
  kind: string;
  effective: 'now' | 'period_end';
  effectiveAtMs: number;
  invoice: InvoiceRow | null;
  action: { id: string; clientSecret: string } | null;
}

/** What a payment-first change waits for, kept on its invoice until the payment succeeds. */
interface PendingChange {
  items: { priceId: string; quantity: number }[];
  version: number;
  atMs: number;
  proration: 'create_prorations' | 'always_invoice' | 'none';
  /** The engine's kind of change, so the 3-D Secure completion answers as the change did. */
  kind?: string;
}
const CHANGE_KEY = 'abona_change';

export function subscriptionChanges(deps: LifecycleDeps & { clocks: Clocks }) {
  const { db, clocks } = deps;

  async function load(ex: Executor, actor: Actor, id: string): Promise<SubscriptionRow> {
    const row = await subscriptionRepository.find(ex, actor.livemode, id);
    // A foreign subscription is a 404 in the portal, never a 403.
    if (!row || (actor.customerId !== undefined && row.customerId !== actor.customerId)) throw new NotFound('subscription', id);
    return row;
  }

  const nowOf = async (row: SubscriptionRow, ex: Executor = db) => (await clocks.clockForTestClock(row.testClockId, ex)).now();

  async function newItems(ex: Executor, row: SubscriptionRow, wanted: SubscriptionChangeParams['items']): Promise<{ items: SubscriptionItem[]; rows: PriceRow[] }> {
    const ids = wanted.map((w) => w.price);
    const found = ids.length === 0 ? [] : await ex.select().from(pricesTable).where(and(eq(pricesTable.livemode, row.livemode), inArray(pricesTable.id, ids)));
    const byId = new Map(found.map((p) => [p.id, p]));
    const seen = new Set<string>();
    const items: SubscriptionItem[] = [];
    wanted.forEach((w, i) => {
      const price = byId.get(w.price);
      const param = `items[${i}][price]`;
      if (!price) throw new InvalidRequest(`No such price: '${w.price}'`, param, 'resource_missing');
      if (seen.has(price.id)) throw new InvalidRequest('A price may appear only once', param);
      seen.add(price.id);
      if (price.type !== 'recurring') throw new InvalidRequest('Subscriptions take recurring prices', param);
      const current = row.items.some((it) => it.priceId === price.id);
      if (!price.active && !current) throw new InvalidRequest(`Price ${price.id} is not active`, param, 'price_inactive');
      let core;
      try {
        core = toCorePrice(price, row.currency);
      } catch {
        throw new InvalidRequest(`Price ${price.id} is not offered in ${row.currency}`, param, 'currency_not_offered');
      }
      items.push({ priceId: price.id, quantity: w.quantity ?? 1, price: core });
    });
    return { items, rows: found };
  }

  async function input(ex: Executor, cache: RunCache, row: SubscriptionRow, params: SubscriptionPreviewChangeParams, atMs: number): Promise<PlanChangeInput & { productNames: Record<string, string> }> {
    const subscription = await loadCoreSubscription(ex, row);
    const { items } = await newItems(ex, row, params.items);
    const all = [...subscription.items, ...items];
    const known = await cache.products(ex, all.map((i) => i.price.productId));
    const products: Product[] = [...new Set(all.map((i) => i.price.productId))].map((id) => {
      const p = known.get(id);
      return { id, name: p?.name ?? id, entitlements: [], ...(p?.group ? { group: p.group } : {}), ...(p?.rank !== null && p?.rank !== undefined ? { rank: p.rank } : {}) };
    });
    const settings = await cache.settings(ex, row.livemode);
    const group = known.get(subscription.items[0]?.price.productId ?? '')?.group ?? null;
    return {
      subscription,
      newItems: items,
      atMs,
      policy: planChangePolicyFor(settings, group),
      prorationBehavior: params.proration_behavior ?? settings.prorationBehavior,
      products,
      productNames: await productNamesOf(ex, cache, all),
    };
  }

  /** The engine's errors named by the wire's parameters. */
  function wireError(error: unknown): unknown {
    if (error instanceof InvalidInputError) return new InvalidRequest(error.message, error.param === 'newItems' || error.param?.startsWith('newItems') ? 'items' : error.param ?? 'items');
    if (error instanceof CoreError && error.code === 'invalid_transition') return new InvalidRequest(error.message, 'items', 'invalid_transition');
    return error;
  }

  async function pendingOf(invoice: InvoiceRow): Promise<PendingChange | undefined> {
    const raw = invoice.metadata[CHANGE_KEY];
    return raw ? (JSON.parse(raw) as PendingChange) : undefined;
  }

  /** Applies a paid payment-first change: the same engine call at the same instant, so the same result. */
  async function applyPaid(invoiceId: string, actor: Actor): Promise<SubscriptionRow> {
    return db.transaction(async (tx) => {
      const invoice = await invoiceRepository.find(tx, actor.livemode, invoiceId);
      if (!invoice?.subscriptionId) throw new NotFound('invoice', invoiceId);
      const pending = await pendingOf(invoice);
      const row = await load(tx, actor, invoice.subscriptionId);
      if (!pending || row.version !== pending.version) return row;
      const cache = freshCache();
      const change = applyPlanChange({ ...(await input(tx, cache, row, { items: pending.items.map((i) => ({ price: i.priceId, quantity: i.quantity })), proration_behavior: pending.proration }, pending.atMs)) });
      const saved = await subscriptionRepository.update(tx, row.livemode, row.id, row.version, { ...rowFieldsFromCore(change.subscription), updatedAt: pending.atMs, latestInvoiceId: invoice.id });
      if (!saved) throw new Conflict('The subscription changed while the payment ran', 'conflict');
      await markPricesUsed(tx, row.livemode, pending.items.map((i) => i.priceId), pending.atMs);
      await subscriptionEvent(tx, deps, saved, pending.atMs);
      await refreshNextAction(tx, row.livemode, row.id, pending.atMs);
      return saved;
    });
  }

  /** Voids the proration invoice of a change whose payment failed or was abandoned: the old plan stays. */
  async function abandon(invoiceId: string, livemode: boolean, atMs: number): Promise<void> {
    await db.transaction(async (tx) => {
      const invoice = await invoiceRepository.find(tx, livemode, invoiceId);
      if (invoice && invoice.status === 'open') await voidInvoice(tx, deps, invoice, atMs);
      if (invoice?.subscriptionId) await refreshNextAction(tx, livemode, invoice.subscriptionId, atMs);
    });
  }

  function failure(result: PayInvoiceResult | undefined): never {
    const code = result?.payment?.declineCode ?? (result?.outcome === 'no_payment_method' ? 'no_payment_method' : 'card_declined');
    throw new PaymentFailed(result?.payment?.failureMessage ?? (result?.outcome === 'no_payment_method' ? 'There is no payment method to pay for this change' : 'The payment failed; the subscription keeps its current plan'), 'card_declined', code);
  }

  return {
    /** The exact lines a change would create (core's `previewPlanChange`), with tax and discounts. */
    async preview(actor: Actor, id: string, params: SubscriptionPreviewChangeParams): Promise<{ preview: PlanChangePreview; row: SubscriptionRow }> {
      const row = await load(db, actor, id);
      const atMs = await nowOf(row);
      const cache = freshCache();
      try {
        const base = await input(db, cache, row, params, atMs);
        const customer = await subscriptionCustomer(row);
        const seller = await cache.seller(db, row.livemode);
        const details = customerDetailsOf(customer, await customerTaxIdsOf(db, customer.id));
        return { preview: previewPlanChange({ ...base, tax: taxCalculatorFor(seller, details) }), row };
      } catch (error) {
        throw wireError(error);
      }
    },

    /**
     * Changes the items. At period end: a scheduled change. Now without an invoice: the items
     * swap and prorations wait for the next invoice. Now with an invoice (`always_invoice`, an
     * interval change): payment first — the proration invoice is finalized and charged, and the
     * new items apply only once it is paid; a failed charge voids it and keeps the old plan (402).
     * The version read is the version written: a concurrent change makes this one a 409.
     */
    async change(actor: Actor, id: string, params: SubscriptionChangeParams): Promise<ChangeOutcome> {
      const read = await load(db, actor, id);
      if (params.expected_version !== undefined && params.expected_version !== read.version) {
        throw new Conflict(`The subscription is at version ${read.version}, not ${params.expected_version}`, 'conflict', 'expected_version');
      }
      const atMs = await nowOf(read);
      const cache = freshCache();
      const staged = await db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        if (row.version !== read.version) throw new Conflict('The subscription was changed by another request; read it again and retry', 'conflict', 'expected_version');
        let change;
        let base;
        try {
          base = await input(tx, cache, row, params, atMs);
          change = applyPlanChange(base);
        } catch (error) {
          throw wireError(error);
        }
        const outcome = { kind: change.kind, effective: change.effective, effectiveAtMs: change.effectiveAtMs };
        if (!change.invoiceNow) {
          const pendingLines = [...(row.pendingLines as InvoiceLineDraft[]), ...change.lines];
          const saved = await subscriptionRepository.update(tx, row.livemode, row.id, row.version, { ...rowFieldsFromCore(change.subscription), pendingLines, updatedAt: atMs });
          if (!saved) throw new Conflict('The subscription was changed by another request; read it again and retry', 'conflict', 'expected_version');
          if (change.effective === 'now') await markPricesUsed(tx, row.livemode, change.subscription.items.map((i) => i.priceId), atMs);
          await subscriptionEvent(tx, deps, saved, atMs);
          await refreshNextAction(tx, row.livemode, row.id, atMs);
          return { ...outcome, done: saved, invoice: null as InvoiceRow | null };
        }
        const customer = await subscriptionCustomer(row, tx);
        const pending: PendingChange = { items: change.subscription.items.map((i) => ({ priceId: i.priceId, quantity: i.quantity })), version: row.version, atMs, proration: base.prorationBehavior ?? 'create_prorations', kind: change.kind };
        const billed = await billSubscription(tx, deps, cache, {
          row,
          core: row.status === 'trialing' ? base.subscription : change.subscription,
          customer,
          lines: change.lines,
          period: change.subscription.currentPeriod,
          billingReason: 'subscription_update',
          dedupeKey: await changeInvoiceKey(tx, row),
          atMs,
          metadata: { [CHANGE_KEY]: JSON.stringify(pending) },
        });
        // The key found an older invoice instead of making one: never apply a change on an invoice nobody pays.
        if (!billed.created && billed.invoice.status !== 'open' && billed.invoice.status !== 'paid') throw new Conflict('The subscription was changed by another request; read it again and retry', 'conflict', 'expected_version');
        // An abandoned 3-D Secure challenge must not leave the invoice behind: it expires with the incomplete window.
        if (billed.invoice.status === 'open') await invoiceRepository.update(tx, row.livemode, billed.invoice.id, { nextPaymentAttemptAt: atMs + 23 * 3_600_000 });
        await refreshNextAction(tx, row.livemode, row.id, atMs);
        return { ...outcome, done: null, invoice: billed.invoice };
      });
      if (staged.done) return { status: staged.effective === 'now' ? 'applied' : 'scheduled', row: staged.done, kind: staged.kind, effective: staged.effective, effectiveAtMs: staged.effectiveAtMs, invoice: null, action: null };
      const invoice = staged.invoice as InvoiceRow;
      const meta = { kind: staged.kind, effective: staged.effective, effectiveAtMs: staged.effectiveAtMs };
      if (invoice.status === 'paid') return { ...meta, status: 'applied', row: await applyPaid(invoice.id, actor), invoice, action: null };
      let result: PayInvoiceResult | undefined;
      try {
        result = await payInvoice(db, deps.gateways.of(actor.livemode), {
          livemode: actor.livemode,
          invoice: invoice.id,
          offSession: actor.customerId === undefined,
          atMs,
          ids: deps.ids,
          ...(params.payment_method ? { paymentMethod: params.payment_method } : {}),
        });
      } catch (error) {
        await abandon(invoice.id, actor.livemode, atMs);
        if (error instanceof ApiError) throw error;
        if (error instanceof CoreError) failure(undefined);
        throw error;
      }
      if (result.outcome === 'paid' || result.outcome === 'already_paid') return { ...meta, status: 'applied', row: await applyPaid(invoice.id, actor), invoice: result.invoice, action: null };
      if (result.outcome === 'requires_action' && result.result?.status === 'requires_action') {
        return { ...meta, status: 'requires_action', row: read, invoice: result.invoice, action: { id: result.result.actionId, clientSecret: result.result.clientSecret } };
      }
      if (result.outcome === 'processing') return { ...meta, status: 'requires_action', row: read, invoice: result.invoice, action: null };
      await abandon(invoice.id, actor.livemode, atMs);
      return failure(result);
    },

    /** Finishes the 3-D Secure challenge of a payment-first change: paid → applied; failed → voided, old plan kept (402). */
    async completeChange(actor: Actor, id: string, params: SubscriptionCompleteChangeParams): Promise<ChangeOutcome> {
      const row = await load(db, actor, id);
      const atMs = await nowOf(row);
      const open = await lifecycleRepository.openInvoices(db, actor.livemode, row.id);
      let target: InvoiceRow | undefined;
      let payment;
      for (const invoice of open) {
        if (!(await pendingOf(invoice))) continue;
        const attempt = (await paymentRepository.findByIdempotencyKey(db, actor.livemode, deriveIdempotencyKey('invoice_payment', invoice.id, invoice.attemptCount))) ?? undefined;
        // The action must be this payment's own: another customer's action id would finish their challenge and pay for ours.
        if (attempt && attempt.status === 'requires_action' && attempt.gatewayRef === params.action_id) {
          target = invoice;
          payment = attempt;
        }
      }
      if (!target || !payment) throw new InvalidRequest('No payment of a plan change is waiting for this action', 'action_id', 'resource_missing');
      const gateway = deps.gateways.of(actor.livemode);
      let answer;
      try {
        answer = await gateway.confirmAction(params.action_id, params.outcome ?? 'complete');
      } catch (error) {
        if (error instanceof CoreError) throw new InvalidRequest(error.message, 'action_id', 'resource_missing');
        throw error;
      }
      if (answer.object !== 'payment') throw new InvalidRequest('This action is not a payment', 'action_id');
      const p = payment;
      const recorded = await db.transaction((tx) => recordPaymentResult(tx, { payment: p, result: answer.result, atMs, ids: deps.ids }));
      const pending = await pendingOf(target);
      const meta = { kind: pending?.kind ?? 'upgrade', effective: 'now' as const, effectiveAtMs: pending?.atMs ?? atMs };
      if (recorded.payment.status === 'succeeded') return { ...meta, status: 'applied', row: await applyPaid(target.id, actor), invoice: recorded.invoice ?? target, action: null };
      await abandon(target.id, actor.livemode, atMs);
      throw new PaymentFailed(recorded.payment.failureMessage ?? 'The payment failed; the subscription keeps its current plan', 'card_declined', recorded.payment.declineCode ?? 'authentication_failed');
    },

    /** Drops a change scheduled for the period end ("keep my current plan"). */
    async unschedule(actor: Actor, id: string): Promise<SubscriptionRow> {
      return db.transaction(async (tx) => {
        const row = await load(tx, actor, id);
        if (!row.scheduledChange) throw new InvalidRequest('The subscription has no scheduled change', 'scheduled_change');
        const saved = await subscriptionRepository.update(tx, row.livemode, row.id, row.version, { scheduledChange: null, version: row.version + 1, updatedAt: await nowOf(row, tx) });
        if (!saved) throw new Conflict('The subscription was changed by another request; read it again and retry', 'conflict');
        await subscriptionEvent(tx, deps, saved, saved.updatedAt);
        return saved;
      });
    },

    /** True when an open invoice carries a payment-first change (the billing run voids it when it expires). */
    isChangeInvoice: (invoice: InvoiceRow) => invoice.metadata[CHANGE_KEY] !== undefined,
  };

  /**
   * The change invoice's dedupe key: one per subscription version, so a retried change bills
   * once. A failed or abandoned payment voids the invoice without changing the version, so each
   * void of this version makes the next attempt a new key (`:r<n>`); reusing the voided invoice
   * would apply the change unpaid.
   */
  async function changeInvoiceKey(tx: Executor, row: SubscriptionRow): Promise<string> {
    const key = `sub:${row.id}:change:v${row.version}`;
    const voided = await tx
      .select({ key: invoicesTable.dedupeKey })
      .from(invoicesTable)
      .where(and(inMode(invoicesTable.livemode, row.livemode), eq(invoicesTable.subscriptionId, row.id), eq(invoicesTable.billingReason, 'subscription_update'), eq(invoicesTable.status, 'void')));
    const retries = voided.filter((v) => v.key === key || v.key?.startsWith(`${key}:r`)).length;
    return retries === 0 ? key : `${key}:r${retries}`;
  }

  async function subscriptionCustomer(row: SubscriptionRow, ex: Executor = db) {
    const customer = await lifecycleRepository.customerOf(ex, row.livemode, row.customerId);
    if (!customer) throw new NotFound('customer', row.customerId, 'customer');
    return customer;
  }
}
export type SubscriptionChanges = ReturnType<typeof subscriptionChanges>;
