import { transition, type InvoiceLineDraft, type Subscription as CoreSubscription } from '@abona/core';
import type { Executor } from '../db/client.js';
import { recordEvent } from '../events/record.js';
import { paymentMethodRepository } from '../resources/payment-methods/repository.js';
import { subscriptionRepository, type SubscriptionRow } from '../resources/subscriptions/repository.js';
import { toSubscription } from '../resources/subscriptions/serialize.js';
import { loadCoreSubscription, pricesOf } from '../resources/subscriptions/state.js';
import { invoiceRepository, type InvoiceRow } from '../resources/invoices/repository.js';
import { LEASE_MS, TRIAL_REMINDER_MS, RENEWAL_REMINDER_MS, type LifecycleDeps, type RunCache } from './context.js';
import { exhaust, latestPayment, refreshNextAction, saveTransition, StaleSubscription } from './dunning.js';
import { advanceLines, billSubscription, productNamesOf, renewalDraft, usageLines } from './invoice.js';
import { email } from './notify.js';
import { lifecycleRepository } from './repository.js';
import { voidInvoice } from './void.js';
import type { Db } from '../db/client.js';

/** What a step leaves to do outside its transaction: invoices to charge off-session. */
export interface StepResult {
  /** False when another runner had claimed the subscription first. */
  claimed: boolean;
  charge: string[];
}

/** `sub:<id>:<periodStart>:cycle`: one invoice per subscription, period and reason. */
export const cycleKey = (id: string, periodStartMs: number, reason: 'cycle' | 'final' | 'resume') => `sub:${id}:${periodStartMs}:${reason}`;

async function hasPaymentMethod(tx: Executor, row: SubscriptionRow): Promise<boolean> {
  if (row.defaultPaymentMethodId && (await paymentMethodRepository.find(tx, row.livemode, row.defaultPaymentMethodId))) return true;
  return (await paymentMethodRepository.listForCustomer(tx, row.livemode, row.customerId)).length > 0;
}

function planName(names: Record<string, string>, core: CoreSubscription): string {
  const first = core.items[0];
  return first ? (names[first.price.productId] ?? first.price.productId) : '';
}

/**
 * One due step of one subscription at `nowMs`, in its own transaction: claim it (conditional
 * update of `next_action_at`), then do what is due, oldest first: an expired first-payment
 * window, a reminder, the period (or trial) end with its invoice, a resume, payment retries.
 * The invoice is finalized here (dedupe key → a rerun finds it) and charged by the caller after
 * commit. The subscription leaves with its next action set; while a charge is pending that is a
 * short lease, so a crash before the charge is repaired by the next run.
 */
export async function stepSubscription(db: Db, deps: LifecycleDeps, cache: RunCache, seen: SubscriptionRow, nowMs: number): Promise<StepResult> {
  return db.transaction(async (tx) => {
    const row = await lifecycleRepository.claim(tx, seen, nowMs + LEASE_MS);
    if (!row) return { claimed: false, charge: [] };
    return { claimed: true, charge: await stepClaimed(tx, deps, cache, row, nowMs) };
  });
}

/**
 * The step of a subscription this runner has claimed (`row` as the claim returned it), in the
 * caller's transaction. Returns the invoices to charge after commit.
 */
export async function stepClaimed(tx: Executor, deps: LifecycleDeps, cache: RunCache, row: SubscriptionRow, nowMs: number): Promise<string[]> {
  const charge: string[] = [];
  const current = await doStep(tx, deps, cache, row, nowMs, charge);
  // Invoices to charge now are due now; the lease stands until the charge is booked.
  for (const id of charge) await invoiceRepository.update(tx, row.livemode, id, { nextPaymentAttemptAt: nowMs });
  await refreshNextAction(tx, row.livemode, current.id, nowMs);
  if (charge.length > 0) await lifecycleRepository.setNextAction(tx, row.livemode, current.id, nowMs + LEASE_MS);
  return charge;
}

async function doStep(tx: Executor, deps: LifecycleDeps, cache: RunCache, row: SubscriptionRow, nowMs: number, charge: string[]): Promise<SubscriptionRow> {
  const livemode = row.livemode;
  const customer = await lifecycleRepository.customerOf(tx, livemode, row.customerId);
  if (!customer) return row;

  if (row.status === 'incomplete') {
    if (nowMs < row.createdAt + 23 * 3_600_000) return row;
    for (const open of await lifecycleRepository.openInvoices(tx, livemode, row.id)) await voidInvoice(tx, deps, open, nowMs);
    return saveTransition(tx, deps, row, transition(await loadCoreSubscription(tx, row), 'payment_window_expired', nowMs), nowMs);
  }
  if (row.status === 'canceled' || row.status === 'incomplete_expired') return row;

  let core = await loadCoreSubscription(tx, row);
  const names = await productNamesOf(tx, cache, [...core.items, ...(core.scheduledChange?.items ?? [])]);
  const periodEnd = row.currentPeriodEnd;

  // Reminders: once, at their instant, while the period is still running.
  if (row.status === 'trialing' && nowMs < periodEnd && nowMs >= periodEnd - TRIAL_REMINDER_MS && !row.cancelAtPeriodEnd) {
    const fresh = await recordEvent(tx, {
      livemode,
      type: 'customer.subscription.trial_will_end',
      data: toSubscription(row, await pricesOf(tx, livemode, [row])),
      dedupeKey: `customer.subscription.trial_will_end:${row.id}:${periodEnd}`,
      atMs: nowMs,
      id: deps.ids.next('evt'),
    });
    if (fresh) {
      const next = advanceLines(core.items, { startMs: periodEnd, endMs: periodEnd + 1 }, names).reduce((s, l) => s + l.amount, 0);
      await email(tx, deps, customer, 'trial_ending', { planName: planName(names, core), trialEndMs: periodEnd, amountMinor: next, currency: row.currency }, `trial_ending:${row.id}:${periodEnd}`, nowMs);
    }
  }
  if (row.status === 'active' && nowMs < periodEnd && nowMs >= periodEnd - RENEWAL_REMINDER_MS && !row.cancelAtPeriodEnd && periodEnd - row.currentPeriodStart > 32 * 86_400_000) {
    const amount = advanceLines(core.items, { startMs: row.currentPeriodStart, endMs: periodEnd }, names).reduce((s, l) => s + l.amount, 0);
    await email(tx, deps, customer, 'upcoming_renewal', { planName: planName(names, core), renewalAtMs: periodEnd, amountMinor: amount, currency: row.currency }, `upcoming_renewal:${row.id}:${periodEnd}`, nowMs);
  }

  let current = row;
  const pending = row.pendingLines as InvoiceLineDraft[];

  if (nowMs >= periodEnd && row.status !== 'paused') {
    const ended = { startMs: row.currentPeriodStart, endMs: periodEnd };
    if (row.status === 'trialing') {
      if (row.cancelAtPeriodEnd) {
        current = await saveTransition(tx, deps, row, transition(core, 'period_ended_with_cancel_at_period_end', nowMs), nowMs);
      } else if (await hasPaymentMethod(tx, row)) {
        let lines: InvoiceLineDraft[];
        ({ core, lines } = await renewalDraft(tx, row, core, 'trial_ended_with_payment_method', nowMs, names));
        const billed = await billSubscription(tx, deps, cache, { row, core, customer, lines, period: core.currentPeriod, billingReason: 'subscription_cycle', dedupeKey: cycleKey(row.id, core.currentPeriod.startMs, 'cycle'), atMs: nowMs });
        current = await saveTransition(tx, deps, row, core, nowMs, { pendingLines: [], latestInvoiceId: billed.invoice.id, appliedOnceCouponIds: [...new Set([...row.appliedOnceCouponIds, ...billed.spentOnce])] });
        if (billed.invoice.status === 'open') charge.push(billed.invoice.id);
      } else {
        const settings = (await cache.settings(tx, livemode)) as { trialEndWithoutPaymentMethod?: 'cancel' | 'pause' | 'create_invoice' };
        const policy = settings.trialEndWithoutPaymentMethod ?? 'cancel';
        core = transition(core, 'trial_ended_without_payment_method', nowMs, { policy: { trialEndWithoutPaymentMethod: policy } });
        if (core.status === 'past_due') {
          const lines = [...pending, ...advanceLines(core.items, core.currentPeriod, names)];
          const billed = await billSubscription(tx, deps, cache, { row, core, customer, lines, period: core.currentPeriod, billingReason: 'subscription_cycle', dedupeKey: cycleKey(row.id, core.currentPeriod.startMs, 'cycle'), atMs: nowMs });
          current = await saveTransition(tx, deps, row, core, nowMs, { pendingLines: [], latestInvoiceId: billed.invoice.id });
          if (billed.invoice.status === 'open') charge.push(billed.invoice.id);
        } else {
          current = await saveTransition(tx, deps, row, core, nowMs, core.status === 'paused' ? { pausedAt: nowMs } : {});
        }
      }
    } else if (row.cancelAtPeriodEnd) {
      // The last invoice: usage of the ended period and prorations still waiting, if any.
      const lines = [...pending, ...(await usageLines(tx, livemode, row.id, core.items, ended, names))];
      let latest = row.latestInvoiceId;
      if (lines.some((l) => l.amount !== 0)) {
        const billed = await billSubscription(tx, deps, cache, { row, core, customer, lines, period: ended, billingReason: 'subscription_cycle', dedupeKey: cycleKey(row.id, ended.startMs, 'final'), atMs: nowMs });
        latest = billed.invoice.id;
        if (billed.invoice.status === 'open') charge.push(billed.invoice.id);
      }
      current = await saveTransition(tx, deps, row, transition(core, 'period_ended_with_cancel_at_period_end', nowMs), nowMs, { pendingLines: [], latestInvoiceId: latest });
    } else if (row.status === 'active' || row.status === 'past_due' || row.status === 'unpaid') {
      // The same draft `upcomingInvoice` previews.
      let lines: InvoiceLineDraft[];
      ({ core, lines } = await renewalDraft(tx, row, core, 'period_renewed', nowMs, names));
      const billed = await billSubscription(tx, deps, cache, { row, core, customer, lines, period: core.currentPeriod, billingReason: 'subscription_cycle', dedupeKey: cycleKey(row.id, core.currentPeriod.startMs, 'cycle'), atMs: nowMs });
      current = await saveTransition(tx, deps, row, core, nowMs, { pendingLines: [], latestInvoiceId: billed.invoice.id, appliedOnceCouponIds: [...new Set([...row.appliedOnceCouponIds, ...billed.spentOnce])] });
      // Unpaid subscriptions keep being invoiced, but nobody is charged until they pay by hand.
      if (billed.invoice.status === 'open' && row.status !== 'unpaid') charge.push(billed.invoice.id);
    }
    return current;
  }

  if (row.status === 'paused' && row.pauseResumesAt !== null && nowMs >= row.pauseResumesAt) {
    // At the scheduled instant, however late the run: inside the period already billed the cycle
    // continues and nothing is invoiced (as a resume by hand); after it a new cycle starts then.
    const resumesAtMs = row.pauseResumesAt;
    if (resumesAtMs < core.currentPeriod.endMs) {
      const resumed = transition(core, 'resume', resumesAtMs);
      return saveTransition(tx, deps, row, { ...resumed, anchorMs: core.anchorMs, currentPeriod: core.currentPeriod }, nowMs, { pausedAt: null });
    }
    let lines: InvoiceLineDraft[];
    ({ core, lines } = await renewalDraft(tx, row, core, 'resume', resumesAtMs, names));
    const billed = await billSubscription(tx, deps, cache, { row, core, customer, lines, period: core.currentPeriod, billingReason: 'subscription_cycle', dedupeKey: cycleKey(row.id, core.currentPeriod.startMs, 'resume'), atMs: nowMs });
    current = await saveTransition(tx, deps, row, core, nowMs, { pendingLines: [], pausedAt: null, latestInvoiceId: billed.invoice.id });
    if (billed.invoice.status === 'open') charge.push(billed.invoice.id);
    return current;
  }

  // Payment retries that are due.
  for (const invoice of await lifecycleRepository.openInvoices(tx, livemode, row.id)) {
    if (invoice.nextPaymentAttemptAt === null || invoice.nextPaymentAttemptAt > nowMs) continue;
    if (invoice.metadata.abona_change !== undefined) {
      // A payment-first plan change nobody finished paying: it expires, the old plan stays.
      await voidInvoice(tx, deps, invoice, nowMs);
      continue;
    }
    if (await lifecycleRepository.hasProcessingPayment(tx, livemode, invoice.id)) continue;
    if (await hardDeclinedWithoutNewMethod(tx, invoice)) {
      await invoiceRepository.update(tx, livemode, invoice.id, { nextPaymentAttemptAt: null, updatedAt: nowMs });
      await exhaust(tx, deps, cache, current, invoice, nowMs);
      current = (await subscriptionRepository.find(tx, livemode, row.id)) ?? current;
      continue;
    }
    charge.push(invoice.id);
  }
  return current;
}

/** The last attempt was a hard decline and the customer has added no method since: retrying cannot help. */
async function hardDeclinedWithoutNewMethod(tx: Executor, invoice: InvoiceRow): Promise<boolean> {
  const last = await latestPayment(tx, invoice);
  if (!last || last.status !== 'failed' || last.hardDecline !== true) return false;
  const methods = await paymentMethodRepository.listForCustomer(tx, invoice.livemode, invoice.customerId);
  return !methods.some((m) => m.createdAt > last.createdAt && m.id !== last.paymentMethodId);
}

export { StaleSubscription };
