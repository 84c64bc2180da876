import { buildInvoice, transition, type CurrencyCode, type InvoiceLineDraft } from '@abona/core';
import { customerDetailsOf } from '../billing/details.js';
import { creditMovements, finalizationLegs, finalizedRows, formatInvoiceNumber, type FinalizeInvoiceInput } from '../billing/finalize.js';
import { insertBalanceTransactions, markPricesUsed, reserveSequenceValues, type BalanceTransactionRow } from '../billing/repository.js';
import { taxCalculatorFor } from '../billing/tax-context.js';
import type { Executor } from '../db/client.js';
import type { CustomerRow, PriceRow } from '../db/schema.js';
import { recordEvents, type RecordEventInput } from '../events/record.js';
import { postNewJournals, type JournalInput } from '../ledger/post.js';
import { invoiceRepository, type InvoiceLineRow, type InvoiceRow } from '../resources/invoices/repository.js';
import { toInvoice } from '../resources/invoices/serialize.js';
import type { SubscriptionRow } from '../resources/subscriptions/repository.js';
import { toSubscription } from '../resources/subscriptions/serialize.js';
import { coreOf, pricesOf, rowFieldsFromCore } from '../resources/subscriptions/state.js';
import { batchRepository } from './batch-repository.js';
import { LEASE_MS, type LifecycleDeps, type RunCache } from './context.js';
import { StaleSubscription } from './dunning.js';
import { advanceLines, productNamesOf } from './invoice.js';
import { nextActionOf } from './next-action.js';
import { cycleKey, stepClaimed } from './step.js';

export interface BatchStep {
  /** Ids of the subscriptions this runner claimed (the others were claimed by another runner). */
  claimed: string[];
  /** Invoices to charge after commit, in the batch's order. */
  charge: string[];
}

/**
 * The due steps of a batch of subscriptions in the caller's (one) transaction: one claim for the
 * batch, then plain renewals (an active subscription at its period end, licensed prices only:
 * the bulk of a billing day) set-based, everything else through the per-subscription step.
 * Same rows, events, ledger and numbers as the per-subscription path; any failure rolls the
 * whole batch back, and the caller replays it subscription by subscription.
 */
export async function stepBatch(tx: Executor, deps: LifecycleDeps, cache: RunCache, livemode: boolean, seen: readonly SubscriptionRow[], nowMs: number): Promise<BatchStep> {
  const claimed = new Map((await batchRepository.claimMany(tx, livemode, seen, nowMs + LEASE_MS)).map((row) => [row.id, row]));
  const owned = seen.flatMap((row) => claimed.get(row.id) ?? []);
  const priceRows = await pricesOf(tx, livemode, owned);
  const customers = await batchRepository.customers(tx, livemode, owned.map((row) => row.customerId));
  const charges = new Map<string, string[]>();
  const plain: SubscriptionRow[] = [];
  // The others first: their steps may move a customer's credit, which the renewals below read.
  for (const row of owned) {
    if (customers.has(row.customerId) && isPlainRenewal(row, nowMs, priceRows)) plain.push(row);
    else charges.set(row.id, await stepClaimed(tx, deps, cache, row, nowMs));
  }
  for (const [id, invoiceId] of await renewPlain(tx, deps, cache, { livemode, rows: plain, priceRows, customers, nowMs })) charges.set(id, [invoiceId]);
  return { claimed: owned.map((row) => row.id), charge: owned.flatMap((row) => charges.get(row.id) ?? []) };
}

/** An active subscription whose period has ended, without metered prices (no usage to read). */
function isPlainRenewal(row: SubscriptionRow, nowMs: number, priceRows: ReadonlyMap<string, PriceRow>): boolean {
  if (row.status !== 'active' || row.cancelAtPeriodEnd || nowMs < row.currentPeriodEnd) return false;
  const items = [...row.items, ...(row.scheduledChange?.items ?? [])];
  return items.every((item) => {
    const price = priceRows.get(item.priceId);
    return price !== undefined && price.recurringUsageType !== 'metered';
  });
}

interface PlainInput {
  livemode: boolean;
  rows: readonly SubscriptionRow[];
  priceRows: ReadonlyMap<string, PriceRow>;
  customers: ReadonlyMap<string, CustomerRow>;
  nowMs: number;
}

/**
 * Plain renewals, set-based: core's `period_renewed` transition, the renewal invoice priced
 * with `buildInvoice` and finalized (numbers, lines, ledger, credit, events) with multi-row
 * inserts, the subscription saved version-checked. Returns the open invoice of each
 * subscription that is to be charged now.
 */
async function renewPlain(tx: Executor, deps: LifecycleDeps, cache: RunCache, input: PlainInput): Promise<Map<string, string>> {
  const { livemode, rows, priceRows, customers, nowMs } = input;
  const charge = new Map<string, string>();
  if (rows.length === 0) return charge;
  const coupons = await batchRepository.coupons(tx, livemode, rows.flatMap((row) => row.discounts.map((d) => d.couponId)));
  const seller = await cache.seller(tx, livemode);
  const drafts = rows.map((row) => {
    const before = coreOf(row, priceRows, coupons);
    const core = transition(before, 'period_renewed', nowMs);
    return { row, before, core, dedupeKey: cycleKey(row.id, core.currentPeriod.startMs, 'cycle') };
  });
  const names = await productNamesOf(tx, cache, drafts.flatMap((d) => [...d.before.items, ...(d.before.scheduledChange?.items ?? [])]));
  const customerIds = rows.map((row) => row.customerId);
  const existing = await batchRepository.invoicesByDedupeKey(tx, livemode, drafts.map((d) => d.dedupeKey));
  const taxIds = await batchRepository.taxIds(tx, customerIds);
  const credits = await batchRepository.creditBalances(tx, livemode, customerIds);
  const retries = await batchRepository.earliestRetries(tx, livemode, rows.map((row) => row.id));
  const freshCount = drafts.filter((d) => !existing.has(d.dedupeKey)).length;
  let nextNumber = freshCount > 0 ? await reserveSequenceValues(tx, livemode, 'invoice_number', freshCount) : 0;

  const invoices: InvoiceRow[] = [];
  const lines: InvoiceLineRow[] = [];
  const journals: JournalInput[] = [];
  const movements: BalanceTransactionRow[] = [];
  const events: RecordEventInput[] = [];
  const usedPrices = new Set<string>();
  const saves: { row: SubscriptionRow; patch: Partial<SubscriptionRow> }[] = [];

  for (const { row, core, dedupeKey } of drafts) {
    const customer = customers.get(row.customerId);
    if (!customer) throw new Error(`customer ${row.customerId} of ${row.id} vanished mid-batch`);
    const details = customerDetailsOf(customer, taxIds.get(customer.id) ?? []);
    const creditKey = `${customer.id}:${row.currency}`;
    const credit = credits.get(creditKey) ?? 0;
    const draftLines: InvoiceLineDraft[] = [...(row.pendingLines as InvoiceLineDraft[]), ...advanceLines(core.items, core.currentPeriod, names)];
    const built = buildInvoice(
      {
        currency: row.currency as CurrencyCode,
        lines: draftLines,
        discounts: [...core.discounts],
        appliedOnceCouponIds: [...row.appliedOnceCouponIds],
        creditBalance: Math.max(0, credit),
        atMs: nowMs,
      },
      taxCalculatorFor(seller, details),
    );
    let invoice = existing.get(dedupeKey);
    if (invoice) {
      if (invoice.status === 'open') await invoiceRepository.update(tx, livemode, invoice.id, { nextPaymentAttemptAt: nowMs });
    } else {
      const id = deps.ids.next('in');
      const number = formatInvoiceNumber(nextNumber++);
      const finalize: FinalizeInvoiceInput = { livemode, customer, customerDetails: details, subscriptionId: row.id, billingReason: 'subscription_cycle', dedupeKey, invoice: built, period: core.currentPeriod, atMs: nowMs, seller, ids: deps.ids };
      const made = finalizedRows(finalize, id, number, details);
      journals.push({ livemode, entryKeyPrefix: `invoice.finalized:${id}`, legs: finalizationLegs(built, customer.id), sourceType: 'invoice', sourceId: id, effectiveAtMs: nowMs });
      movements.push(...creditMovements(finalize, id, number));
      credits.set(creditKey, credit - built.creditApplied + built.creditGenerated);
      const wire = toInvoice(made.row, made.lines);
      events.push({ livemode, type: 'invoice.finalized', data: wire, dedupeKey: `invoice.finalized:${id}`, atMs: nowMs, id: deps.ids.next('evt') });
      if (made.row.status === 'paid') events.push({ livemode, type: 'invoice.paid', data: wire, dedupeKey: `invoice.paid:${id}`, atMs: nowMs, id: deps.ids.next('evt') });
      for (const line of draftLines) if (line.priceId) usedPrices.add(line.priceId);
      // Due now: stored with its first attempt set, as the step sets it after finalizing.
      if (made.row.status === 'open') made.row.nextPaymentAttemptAt = nowMs;
      invoices.push(made.row);
      lines.push(...made.lines);
      invoice = made.row;
    }
    const spentOnce = built.totalDiscount > 0 ? core.discounts.filter((d) => d.coupon.duration === 'once').map((d) => d.coupon.id) : [];
    const patch: Partial<SubscriptionRow> = {
      ...rowFieldsFromCore(core),
      updatedAt: nowMs,
      pendingLines: [],
      latestInvoiceId: invoice.id,
      appliedOnceCouponIds: [...new Set([...row.appliedOnceCouponIds, ...spentOnce])],
    };
    const updated: SubscriptionRow = { ...row, ...patch };
    events.push({
      livemode,
      type: 'customer.subscription.updated',
      data: toSubscription(updated, priceRows),
      dedupeKey: `customer.subscription.updated:${row.id}:v${updated.version}`,
      atMs: nowMs,
      id: deps.ids.next('evt'),
    });
    if (invoice.status === 'open') charge.set(row.id, invoice.id);
    // Charging: the claim's lease stands until the charge is booked. Otherwise the next step.
    else patch.nextActionAt = nextActionOf(updated, nowMs, retries.get(row.id) ?? null, false);
    saves.push({ row, patch });
  }

  await batchRepository.insertInvoices(tx, invoices, lines);
  await postNewJournals(tx, journals);
  if (movements.length > 0) await insertBalanceTransactions(tx, movements);
  await recordEvents(tx, events);
  await markPricesUsed(tx, livemode, [...usedPrices], nowMs);
  const saved = await batchRepository.saveVersionedMany(tx, livemode, saves);
  for (const { row } of saves) if (!saved.has(row.id)) throw new StaleSubscription(row.id);
  return charge;
}
