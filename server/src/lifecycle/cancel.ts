import type { SubscriptionCancelParams, SubscriptionPauseParams } from '@abona/api';
import { buildInvoice, CoreError, fromIso, prorationLines, transition, type CurrencyCode, type Subscription as CoreSubscription } from '@abona/core';
import { customerDetailsOf } from '../billing/details.js';
import { customerTaxIdsOf, insertBalanceTransaction, nextSequenceValue } from '../billing/repository.js';
import { taxCalculatorFor } from '../billing/tax-context.js';
import type { Executor } from '../db/client.js';
import { Conflict, InvalidRequest, NotFound } from '../errors/index.js';
import { postJournal } from '../ledger/post.js';
import { subscriptionRepository, type SubscriptionRow } from '../resources/subscriptions/repository.js';
import { loadCoreSubscription, rowFieldsFromCore } from '../resources/subscriptions/state.js';
import type { Clocks } from '../resources/test-clocks/clocks.js';
import type { Actor } from './changes.js';
import { collectInvoice } from './collect.js';
import { freshCache, type LifecycleDeps } from './context.js';
import { refreshNextAction } from './dunning.js';
import { advanceLines, billSubscription, productNamesOf } from './invoice.js';
import { email, subscriptionEvent } from './notify.js';
import { lifecycleRepository } from './repository.js';
import { cycleKey } from './step.js';
import { voidInvoice } from './void.js';
import { coupons, creditNotes } from '../db/schema.js';
import { runningLines, settleCreditedLines, splitCredit } from './revenue-credit.js';
import { toCoreCoupon } from '../resources/coupons/service.js';
import { and, eq, isNull } from 'drizzle-orm';

/**
 * Cancel (now or at period end, with reason, feedback and comment), uncancel, pause, resume,
 * and the portal's retention offer. Each is one transaction: version-checked row, event, email.
 *
 * Cancel now refunds nothing. With `prorate` (secret key only) the unused time of the paid
 * period, tax included, becomes customer credit (a credit note, a balance transaction, and the
 * credited lines' revenue settled: see `creditUnused`); the portal never prorates, the vendor
 * decides.
 */
export function subscriptionCancellation(deps: LifecycleDeps & { clocks: Clocks }) {
  const { db, clocks } = deps;

  async function load(ex: Executor, actor: Actor, id: string): Promise<SubscriptionRow> {
    const row = await subscriptionRepository.find(ex, actor.livemode, id);
    if (!row || (actor.customerId !== undefined && row.customerId !== actor.customerId)) throw new NotFound('subscription', id);
    return row;
  }

  /** Runs `work` on the engine's subscription and saves what it returns, version-checked, with its event. */
  async function mutate(actor: Actor, id: string, work: (tx: Executor, row: SubscriptionRow, core: CoreSubscription, atMs: number) => Promise<{ next: CoreSubscription; patch?: Partial<SubscriptionRow>; after?: (saved: SubscriptionRow) => Promise<void> }>): Promise<SubscriptionRow> {
    return db.transaction(async (tx) => {
      const row = await load(tx, actor, id);
      const atMs = (await clocks.clockForTestClock(row.testClockId, tx)).now();
      let result;
      try {
        result = await work(tx, row, await loadCoreSubscription(tx, row), atMs);
      } catch (error) {
        if (error instanceof CoreError && error.code === 'invalid_transition') throw new InvalidRequest(error.message, undefined, 'invalid_transition');
        throw error;
      }
      const saved = await subscriptionRepository.update(tx, row.livemode, row.id, row.version, { ...rowFieldsFromCore(result.next), updatedAt: atMs, ...result.patch });
      if (!saved) throw new Conflict('The subscription was changed by another request; read it again and retry', 'conflict');
      await subscriptionEvent(tx, deps, saved, atMs);
      await result.after?.(saved);
      await refreshNextAction(tx, row.livemode, row.id, atMs);
      return (await subscriptionRepository.find(tx, row.livemode, row.id)) ?? saved;
    });
  }

  async function planName(tx: Executor, core: CoreSubscription): Promise<string> {
    const names = await productNamesOf(tx, freshCache(), core.items);
    const first = core.items[0];
    return first ? (names[first.price.productId] ?? first.price.productId) : '';
  }

  return {
    async cancel(actor: Actor, id: string, params: SubscriptionCancelParams): Promise<SubscriptionRow> {
      const atPeriodEnd = params.at_period_end ?? true;
      if (actor.customerId !== undefined) {
        const settings = await freshCache().settings(db, actor.livemode);
        if (!atPeriodEnd && !settings.allowCancelNow) throw new InvalidRequest('Cancelling at once is not allowed here; cancel at the end of the period', 'at_period_end', 'cancel_now_not_allowed');
        if (params.prorate !== undefined) throw new InvalidRequest('Only the vendor may prorate a cancellation', 'prorate');
      }
      const cancellation = { reason: 'cancellation_requested' as const, ...(params.feedback ? { feedback: params.feedback } : {}), ...(params.comment ? { comment: params.comment } : {}) };
      return mutate(actor, id, async (tx, row, core, atMs) => {
        const next = transition(core, atPeriodEnd ? 'cancel_at_period_end' : 'cancel_now', atMs, { cancellation });
        const customer = await lifecycleRepository.customerOf(tx, row.livemode, row.customerId);
        const name = await planName(tx, core);
        return {
          next,
          after: async (saved) => {
            if (!atPeriodEnd) {
              // A plan change still waiting for its payment can no longer apply: its invoice is voided, as when it expires.
              for (const open of await lifecycleRepository.openInvoices(tx, row.livemode, row.id)) if (open.metadata.abona_change !== undefined) await voidInvoice(tx, deps, open, atMs);
              // Nothing is billed any more: pending prorations are dropped, other open invoices stay collectable.
              if (params.prorate === true && row.status === 'active') await creditUnused(tx, row, core, atMs);
            }
            await email(tx, deps, customer, 'cancellation_confirmed', { planName: name, accessEndsAtMs: atPeriodEnd ? row.currentPeriodEnd : atMs }, `cancellation_confirmed:${row.id}:${saved.version}`, atMs);
          },
        };
      });
    },

    uncancel: (actor: Actor, id: string) => mutate(actor, id, (_tx, _row, core, atMs) => Promise.resolve({ next: transition(core, 'uncancel', atMs) })),

    async pause(actor: Actor, id: string, params: SubscriptionPauseParams): Promise<SubscriptionRow> {
      if (actor.customerId !== undefined && !(await freshCache().settings(db, actor.livemode)).allowPause) {
        throw new InvalidRequest('Pausing is not allowed here', undefined, 'pause_not_allowed');
      }
      const resumesAtMs = params.resumes_at === undefined ? undefined : fromIso(params.resumes_at, 'resumes_at');
      return mutate(actor, id, (_tx, _row, core, atMs) => {
        if (resumesAtMs !== undefined && resumesAtMs <= atMs) throw new InvalidRequest('resumes_at must be in the future', 'resumes_at');
        return Promise.resolve({ next: transition(core, 'pause', atMs, resumesAtMs === undefined ? {} : { resumesAtMs }), patch: { pausedAt: atMs } });
      });
    },

    /**
     * Resumes now. Inside the period already billed (a pause soon undone) the cycle continues
     * and nothing is invoiced: that time was paid for. After it, nothing was billed while paused,
     * so a new billing cycle starts at once and its first period is invoiced and charged.
     */
    async resume(actor: Actor, id: string): Promise<SubscriptionRow> {
      let invoiceId: string | null = null;
      let atMs = 0;
      const cache = freshCache();
      await mutate(actor, id, async (tx, row, core, at) => {
        atMs = at;
        const resumed = transition(core, 'resume', at);
        if (at < core.currentPeriod.endMs) return { next: { ...resumed, anchorMs: core.anchorMs, currentPeriod: core.currentPeriod }, patch: { pausedAt: null } };
        const next = resumed;
        const customer = await lifecycleRepository.customerOf(tx, row.livemode, row.customerId);
        if (!customer) throw new NotFound('customer', row.customerId);
        const names = await productNamesOf(tx, cache, next.items);
        const billed = await billSubscription(tx, deps, cache, { row, core: next, customer, lines: [...(row.pendingLines as []), ...advanceLines(next.items, next.currentPeriod, names)], period: next.currentPeriod, billingReason: 'subscription_cycle', dedupeKey: cycleKey(row.id, next.currentPeriod.startMs, 'resume'), atMs: at });
        if (billed.invoice.status === 'open') invoiceId = billed.invoice.id;
        return { next, patch: { pausedAt: null, pendingLines: [], latestInvoiceId: billed.invoice.id } };
      });
      if (invoiceId !== null) await collectInvoice(deps, cache, invoiceId, { livemode: actor.livemode, nowMs: atMs, offSession: actor.customerId === undefined });
      return (await subscriptionRepository.find(db, actor.livemode, id)) as SubscriptionRow;
    },

    /** The portal's retention offer: the vendor's coupon joins the subscription's discounts and a pending cancel is withdrawn. */
    async acceptOffer(actor: Actor, id: string): Promise<SubscriptionRow> {
      const settings = await freshCache().settings(db, actor.livemode);
      const couponId = settings.retentionCouponId;
      if (couponId === null) throw new InvalidRequest('There is no retention offer', undefined, 'no_retention_offer');
      return mutate(actor, id, async (tx, row, core, atMs) => {
        const [coupon] = await tx.select().from(coupons).where(and(eq(coupons.livemode, row.livemode), eq(coupons.id, couponId), isNull(coupons.deletedAt))).limit(1);
        if (!coupon) throw new InvalidRequest('The retention offer is no longer available', undefined, 'no_retention_offer');
        if (row.discounts.some((d) => d.couponId === couponId)) throw new InvalidRequest('The offer was already accepted', undefined, 'offer_already_accepted');
        const base = core.cancelAtPeriodEnd ? transition(core, 'uncancel', atMs) : transition(core, 'plan_changed', atMs);
        return { next: { ...base, discounts: [...base.discounts, { coupon: toCoreCoupon(coupon), startMs: atMs }] } };
      });
    },
  };

  /**
   * The unused time of the current period as customer credit (tax included): a credit note
   * against the invoice that billed the period, a balance transaction, and the revenue of the
   * credited lines settled at once (`settleCreditedLines`: days delivered recognized, the
   * credited rest released from deferred revenue to the customer's credit); the tax goes back
   * from tax payable.
   */
  async function creditUnused(tx: Executor, row: SubscriptionRow, core: CoreSubscription, atMs: number): Promise<void> {
    const licensed = core.items.filter((i) => i.price.recurring?.usageType === 'licensed');
    const lines = prorationLines(licensed, [], core.currentPeriod, atMs, { timeZone: row.timeZone, products: [], defaultTaxBehavior: 'exclusive' });
    if (lines.length === 0) return;
    const customer = await lifecycleRepository.customerOf(tx, row.livemode, row.customerId);
    if (!customer) return;
    const seller = await freshCache().seller(tx, row.livemode);
    const credit = buildInvoice({ currency: row.currency as CurrencyCode, lines, discounts: [...core.discounts], appliedOnceCouponIds: [...row.appliedOnceCouponIds], atMs }, taxCalculatorFor(seller, customerDetailsOf(customer, await customerTaxIdsOf(tx, customer.id))));
    const total = -credit.total;
    if (total <= 0) return;
    const net = -credit.totalExcludingTax;
    const tax = -credit.tax;
    const running = await runningLines(tx, { livemode: row.livemode, subscriptionId: row.id, fromMs: atMs });
    const parts = splitCredit(net, running);
    const [billed] = [...running].sort((a, b) => Math.abs(b.remaining) - Math.abs(a.remaining));
    let creditNoteId: string | null = null;
    if (billed) {
      creditNoteId = deps.ids.next('cn');
      await tx.insert(creditNotes).values({
        id: creditNoteId,
        livemode: row.livemode,
        createdAt: atMs,
        number: `ABONA-CN-${String(await nextSequenceValue(tx, row.livemode, 'credit_note_number')).padStart(6, '0')}`,
        invoiceId: billed.line.invoiceId,
        customerId: customer.id,
        currency: row.currency,
        reason: 'order_change',
        subtotal: net,
        tax,
        total,
        refundAmount: 0,
        creditAmount: total,
        lines: parts.map((p) => ({ invoice_line: p.lineId, net_amount: p.creditAmount, service_from: atMs })),
        taxBreakdown: credit.taxBreakdown.map((t) => ({ ...t, amount: -t.amount, taxableAmount: -t.taxableAmount })),
        memo: 'Unused time after cancellation',
      });
      await settleCreditedLines(tx, { livemode: row.livemode, currency: row.currency, customerId: customer.id, fromMs: atMs, atMs, credits: parts });
    }
    await insertBalanceTransaction(tx, { id: deps.ids.next('cbtxn'), livemode: row.livemode, createdAt: atMs, customerId: customer.id, currency: row.currency, amount: total, type: creditNoteId ? 'credit_note' : 'adjustment', invoiceId: null, creditNoteId, description: 'Unused time after cancellation', dedupeKey: `cancel_credit:${row.id}` });
    await postJournal(tx, {
      livemode: row.livemode,
      entryKeyPrefix: `cancel_credit:${row.id}`,
      legs: [
        // Nothing billed is still running (the period was never invoiced): the credit reduces revenue.
        ...(billed ? [] : [{ account: 'revenue' as const, amount: net, currency: row.currency, customerId: customer.id }]),
        { account: 'tax_payable', amount: tax, currency: row.currency, customerId: customer.id },
        { account: 'customer_credit', amount: -(billed ? tax : total), currency: row.currency, customerId: customer.id },
      ],
      sourceType: 'subscription',
      sourceId: row.id,
      effectiveAtMs: atMs,
    });
  }
}
export type SubscriptionCancellation = ReturnType<typeof subscriptionCancellation>;
