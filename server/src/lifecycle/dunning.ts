import { transition } from '@abona/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { payments } from '../db/schema.js';
import { invoiceRepository, type InvoiceRow } from '../resources/invoices/repository.js';
import type { PaymentRow } from '../resources/payments/repository.js';
import type { BillingSettings } from '../resources/settings/billing.js';
import { subscriptionRepository, type SubscriptionRow } from '../resources/subscriptions/repository.js';
import { loadCoreSubscription, pricesOf, rowFieldsFromCore } from '../resources/subscriptions/state.js';
import type { LifecycleDeps, RunCache } from './context.js';
import { nextActionOf } from './next-action.js';
import { email, subscriptionEvent } from './notify.js';
import { lifecycleRepository } from './repository.js';
import { markUncollectible } from './void.js';

const DAY_MS = 86_400_000;

/**
 * When the next payment attempt of an invoice is due after `attempts` failed ones: the
 * schedule's days count from the first failure (the invoice's finalization). `null`: retries
 * are exhausted. A hard decline is never retried on the same method: its "attempt" is only the
 * end of the schedule, when the subscription gives up unless a new method arrived.
 */
export function nextAttemptAt(invoice: Pick<InvoiceRow, 'finalizedAt' | 'createdAt'>, settings: Pick<BillingSettings, 'dunningRetryDays'>, attempts: number, hard: boolean): number | null {
  const days = settings.dunningRetryDays;
  const baseMs = invoice.finalizedAt ?? invoice.createdAt;
  if (days.length === 0) return null;
  if (hard) return baseMs + (days[days.length - 1] ?? 0) * DAY_MS;
  const day = days[attempts - 1];
  return day === undefined ? null : baseMs + day * DAY_MS;
}

/** The latest payment attempt of an invoice. */
export async function latestPayment(tx: Executor, invoice: InvoiceRow): Promise<PaymentRow | undefined> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.livemode, invoice.livemode), eq(payments.invoiceId, invoice.id)))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1);
  return row;
}

/** Recomputes the scheduler hint of a subscription from its state and its open invoices. */
export async function refreshNextAction(tx: Executor, livemode: boolean, subscriptionId: string, nowMs: number): Promise<void> {
  const row = await subscriptionRepository.find(tx, livemode, subscriptionId);
  if (!row) return;
  const open = await lifecycleRepository.openInvoices(tx, livemode, subscriptionId);
  const retries = open.map((i) => i.nextPaymentAttemptAt).filter((at): at is number => at !== null);
  const prices = await pricesOf(tx, livemode, [row]);
  const metered = row.items.some((i) => prices.get(i.priceId)?.recurringUsageType === 'metered');
  const next = nextActionOf(row, nowMs, retries.length === 0 ? null : Math.min(...retries), metered);
  if (next !== row.nextActionAt) await lifecycleRepository.setNextAction(tx, livemode, subscriptionId, next);
}

/** Writes a new engine state of a subscription (version-checked) and its event. */
export async function saveTransition(tx: Executor, deps: LifecycleDeps, row: SubscriptionRow, next: ReturnType<typeof transition>, atMs: number, patch: Partial<SubscriptionRow> = {}): Promise<SubscriptionRow> {
  const updated = await subscriptionRepository.update(tx, row.livemode, row.id, row.version, { ...rowFieldsFromCore(next), updatedAt: atMs, ...patch });
  if (!updated) throw new StaleSubscription(row.id);
  await subscriptionEvent(tx, deps, updated, atMs);
  return updated;
}

/** Someone changed the subscription between our read and our write: the step is retried later. */
export class StaleSubscription extends Error {
  constructor(id: string) {
    super(`subscription ${id} changed while a lifecycle step ran`);
    this.name = 'StaleSubscription';
  }
}

/**
 * What follows a failed (or impossible) charge of a subscription invoice, in the caller's
 * transaction: the next retry on the dunning schedule (active → past_due) and a "payment failed"
 * email linking to the portal; or, with retries exhausted, the policy's end (canceled with the
 * invoice written off, or unpaid with the invoice left open and no more attempts).
 */
export async function afterFailedCharge(tx: Executor, deps: LifecycleDeps, cache: RunCache, invoiceId: string, livemode: boolean, payment: PaymentRow | null, nowMs: number, countAttempt: boolean): Promise<void> {
  let invoice = await invoiceRepository.find(tx, livemode, invoiceId);
  if (!invoice || invoice.status !== 'open') return;
  if (countAttempt) {
    invoice = (await invoiceRepository.update(tx, livemode, invoice.id, { attemptCount: invoice.attemptCount + 1, updatedAt: nowMs, version: invoice.version + 1 })) ?? invoice;
  }
  const settings = await cache.settings(tx, livemode);
  const hard = payment?.hardDecline === true;
  let next = nextAttemptAt(invoice, settings, invoice.attemptCount, hard);
  if (next !== null && next <= nowMs && hard) next = null;
  const customer = await lifecycleRepository.customerOf(tx, livemode, invoice.customerId);
  const row = invoice.subscriptionId ? await subscriptionRepository.find(tx, livemode, invoice.subscriptionId) : undefined;
  if (next === null) {
    await invoiceRepository.update(tx, livemode, invoice.id, { nextPaymentAttemptAt: null, updatedAt: nowMs });
    if (row) await exhaust(tx, deps, cache, row, invoice, nowMs);
    return;
  }
  await invoiceRepository.update(tx, livemode, invoice.id, { nextPaymentAttemptAt: next, updatedAt: nowMs });
  if (row && row.status === 'active') {
    await saveTransition(tx, deps, row, transition(await loadCoreSubscription(tx, row), 'payment_failed', nowMs), nowMs);
  }
  await email(
    tx,
    deps,
    customer,
    'payment_failed',
    { amountMinor: invoice.amountRemaining, currency: invoice.currency, invoiceNumber: invoice.number, nextAttemptAtMs: hard ? null : next },
    `payment_failed:${invoice.id}:${invoice.attemptCount}`,
    nowMs,
  );
}

/** Retries are over: the subscription ends (canceled, invoice written off) or waits as unpaid, per policy. */
export async function exhaust(tx: Executor, deps: LifecycleDeps, cache: RunCache, row: SubscriptionRow, _invoice: InvoiceRow, nowMs: number): Promise<void> {
  const settings = await cache.settings(tx, row.livemode);
  if (row.status !== 'past_due' && row.status !== 'active') return;
  const core = await loadCoreSubscription(tx, row);
  const from = row.status === 'active' ? transition(core, 'payment_failed', nowMs) : core;
  const next = transition(from, 'retries_exhausted', nowMs, { policy: { retriesExhausted: settings.retriesExhausted } });
  const saved = await saveTransition(tx, deps, row, next, nowMs);
  if (saved.status === 'canceled') {
    for (const open of await lifecycleRepository.openInvoices(tx, row.livemode, row.id)) await markUncollectible(tx, deps, open, nowMs);
  }
}
