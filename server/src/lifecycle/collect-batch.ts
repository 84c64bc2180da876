import { CoreError } from '@abona/core';
import { ACTIVATED_BY_PAYMENT, chargeInputFor, outcomeOf, paidInvoicePatch, paymentJournal, recordPaymentResult, type PayInvoiceOutcome, type PayInvoiceResult } from '../billing/pay.js';
import { gatewayCustomerRef } from '../billing/gateways.js';
import type { Executor } from '../db/client.js';
import type { PaymentMethodRow } from '../resources/payment-methods/repository.js';
import { emailRowOf } from '../email/send.js';
import type { EmailRow } from '../email/repository.js';
import { ApiError } from '../errors/index.js';
import { recordEvents, type RecordEventInput } from '../events/record.js';
import { deriveIdempotencyKey } from '../gateway/idempotency.js';
import { chargesInBatches } from '../gateway/sandbox.js';
import type { PaymentGateway, PaymentResult } from '../gateway/types.js';
import { postNewJournals, type JournalInput } from '../ledger/post.js';
import { invoiceRepository, type InvoiceRow } from '../resources/invoices/repository.js';
import { toInvoice } from '../resources/invoices/serialize.js';
import { paymentRepository, type PaymentRow } from '../resources/payments/repository.js';
import { toPayment } from '../resources/payments/serialize.js';
import { pricesOf } from '../resources/subscriptions/state.js';
import { batchRepository } from './batch-repository.js';
import { bookCollection } from './collect.js';
import type { LifecycleDeps, RunCache } from './context.js';
import { nextActionOf } from './next-action.js';

/** One invoice of the batch on its way through the three steps. */
interface Attempt {
  invoiceId: string;
  /** Set when there was nothing to charge (paid already, no method). */
  done?: 'already_paid' | 'no_payment_method';
  invoice?: InvoiceRow;
  method?: PaymentMethodRow;
  payment?: PaymentRow;
  attempt?: number;
  customerRef?: string;
  /** The gateway's answer to this call's charge. */
  answer?: PaymentResult;
  /** The request failed before any answer (a refused request, no gateway): a failed attempt. */
  refused?: boolean;
}

const isRequestError = (error: unknown) => error instanceof CoreError || error instanceof ApiError;

/**
 * Charges a batch of open subscription invoices off-session, as {@link collectInvoice} does one
 * by one, in three steps: one transaction creating every payment row (keyed by invoice and
 * attempt), the gateway calls outside any transaction, one transaction recording every outcome
 * and its consequences (receipts, dunning, next actions). A crash between steps is repaired as
 * for a single charge: the same attempt has the same key and the gateway replays its answer.
 * @returns each invoice's outcome, in order (undefined: nothing could be asked of the gateway).
 */
export async function collectBatch(deps: LifecycleDeps, cache: RunCache, invoiceIds: readonly string[], options: { livemode: boolean; nowMs: number }): Promise<(PayInvoiceOutcome | undefined)[]> {
  const { livemode } = options;
  if (invoiceIds.length === 0) return [];
  let gateway: PaymentGateway | undefined;
  try {
    gateway = deps.gateways.of(livemode);
  } catch (error) {
    if (!isRequestError(error)) throw error;
  }
  const attempts: Attempt[] = invoiceIds.map((invoiceId) => ({ invoiceId }));
  if (gateway) await customerRefs(deps, cache, gateway, livemode, attempts);
  if (gateway) await startPayments(deps, gateway, attempts, options);
  // This attempt already reached the gateway and was recorded: never charge again.
  const due = attempts.filter((a) => gateway && a.payment && a.invoice && a.method && a.customerRef !== undefined && a.payment.status === 'processing' && a.payment.gatewayRef === null);
  const inputOf = (a: Attempt) => chargeInputFor(a.payment as PaymentRow, a.invoice as InvoiceRow, a.method as PaymentMethodRow, a.customerRef as string);
  if (gateway && chargesInBatches(gateway)) {
    // One gateway transaction for the batch; each charge keyed and decided as on its own.
    const outcomes = due.length > 0 ? await gateway.chargeMany(due.map(inputOf)) : [];
    for (const [i, a] of due.entries()) {
      const outcome = outcomes[i];
      if (outcome?.ok) a.answer = outcome.result;
      else await refuse(deps, a, outcome ? outcome.error : new Error('no answer from the gateway'), options);
    }
  } else if (gateway) {
    for (const a of due) {
      try {
        a.answer = await gateway.charge(inputOf(a));
      } catch (error) {
        await refuse(deps, a, error, options);
      }
    }
  }
  return deps.db.transaction((tx) => bookAttempts(tx, deps, cache, attempts, options));
}

/** The gateway refused the request itself: the attempt is closed so a retry uses a new key (a bug, not a refusal, rethrows). */
async function refuse(deps: LifecycleDeps, a: Attempt, error: unknown, options: { livemode: boolean; nowMs: number }): Promise<void> {
  const payment = a.payment as PaymentRow;
  await deps.db.transaction((tx) =>
    paymentRepository.update(tx, options.livemode, payment.id, { status: 'failed', declineCode: 'processing_error', failureMessage: error instanceof Error ? error.message : String(error), updatedAt: options.nowMs }),
  );
  if (!isRequestError(error)) throw error;
  a.refused = true;
}

/** The gateway customer of each invoice's customer, created on first use (outside any transaction). */
async function customerRefs(deps: LifecycleDeps, cache: RunCache, gateway: PaymentGateway, livemode: boolean, attempts: Attempt[]): Promise<void> {
  const customerOf = await batchRepository.invoiceCustomers(deps.db, livemode, attempts.map((a) => a.invoiceId));
  for (const a of attempts) {
    const customerId = customerOf.get(a.invoiceId);
    if (customerId === undefined) {
      a.refused = true;
      continue;
    }
    const key = `${gateway.name}:${livemode}:${customerId}`;
    let ref = cache.gatewayRefs.get(key);
    if (ref === undefined) {
      try {
        ref = await gatewayCustomerRef(deps.db, gateway, livemode, customerId);
        cache.gatewayRefs.set(key, ref);
      } catch (error) {
        if (!isRequestError(error)) throw error;
        a.refused = true;
        continue;
      }
    }
    a.customerRef = ref;
  }
}

/** One transaction: the payment row of each open invoice's next attempt (`processing`, keyed by invoice and attempt). */
async function startPayments(deps: LifecycleDeps, gateway: PaymentGateway, attempts: Attempt[], options: { livemode: boolean; nowMs: number }): Promise<void> {
  const { livemode, nowMs } = options;
  await deps.db.transaction(async (tx) => {
    const live = attempts.filter((a) => a.customerRef !== undefined);
    const invoices = await batchRepository.invoices(tx, livemode, live.map((a) => a.invoiceId));
    const open = [...invoices.values()].filter((invoice) => invoice.status === 'open');
    const subs = await batchRepository.subscriptions(tx, livemode, open.flatMap((i) => (i.subscriptionId ? [i.subscriptionId] : [])));
    const customers = await batchRepository.customers(tx, livemode, open.map((i) => i.customerId));
    const methods = await batchRepository.paymentMethodsOf(tx, livemode, open.map((i) => i.customerId));
    const byId = new Map(methods.map((m) => [m.id, m]));
    const keys: string[] = [];
    for (const a of live) {
      const invoice = invoices.get(a.invoiceId);
      if (!invoice) {
        a.refused = true;
        continue;
      }
      a.invoice = invoice;
      if (invoice.status !== 'open') {
        a.done = 'already_paid';
        continue;
      }
      // As `payInvoice` chooses: the subscription's default, the customer's default, the newest attached.
      const mine = (id: string | null | undefined) => {
        const m = id ? byId.get(id) : undefined;
        return m && m.customerId === invoice.customerId ? m : undefined;
      };
      const customer = customers.get(invoice.customerId);
      const method =
        mine(invoice.subscriptionId ? subs.get(invoice.subscriptionId)?.defaultPaymentMethodId : undefined) ??
        mine(customer && customer.deletedAt === null ? customer.defaultPaymentMethodId : undefined) ??
        methods.find((m) => m.customerId === invoice.customerId);
      if (!method) {
        a.done = 'no_payment_method';
        continue;
      }
      a.method = method;
      a.attempt = invoice.attemptCount + 1;
      keys.push(deriveIdempotencyKey('invoice_payment', invoice.id, a.attempt));
    }
    const existing = await batchRepository.paymentsByIdempotencyKey(tx, livemode, keys);
    const fresh: PaymentRow[] = [];
    for (const a of live) {
      if (!a.invoice || !a.method || a.attempt === undefined) continue;
      const idempotencyKey = deriveIdempotencyKey('invoice_payment', a.invoice.id, a.attempt);
      a.payment = existing.get(idempotencyKey) ?? {
        id: deps.ids.next('pay'),
        livemode,
        createdAt: nowMs,
        updatedAt: nowMs,
        customerId: a.invoice.customerId,
        invoiceId: a.invoice.id,
        checkoutSessionId: null,
        amount: a.invoice.amountRemaining,
        currency: a.invoice.currency,
        status: 'processing',
        paymentMethodId: a.method.id,
        gateway: gateway.name,
        gatewayRef: null,
        idempotencyKey,
        offSession: true,
        declineCode: null,
        failureMessage: null,
        hardDecline: null,
        amountRefunded: 0,
        metadata: {},
      };
      if (!existing.has(idempotencyKey)) fresh.push(a.payment);
    }
    await batchRepository.insertPayments(tx, fresh);
  });
}

/**
 * One transaction for the batch's outcomes. A plain success (the payment still processing, the
 * invoice still open, the subscription needing no reactivation) is booked set-based: payment
 * and invoice updated, ledger, `invoice.paid` and `payment.succeeded` events, receipt email,
 * next action. Anything else goes through `recordPaymentResult` and the single-charge bookkeeping.
 */
async function bookAttempts(tx: Executor, deps: LifecycleDeps, cache: RunCache, attempts: Attempt[], options: { livemode: boolean; nowMs: number }): Promise<(PayInvoiceOutcome | undefined)[]> {
  const { livemode, nowMs } = options;
  const charged = attempts.filter((a) => a.answer?.status === 'succeeded');
  const payments = await batchRepository.payments(tx, livemode, charged.flatMap((a) => (a.payment ? [a.payment.id] : [])));
  const invoices = await batchRepository.invoices(tx, livemode, charged.map((a) => a.invoiceId));
  const subs = await batchRepository.subscriptions(tx, livemode, [...invoices.values()].flatMap((i) => (i.subscriptionId ? [i.subscriptionId] : [])));
  const plain = new Set(
    charged.filter((a) => {
      const payment = a.payment ? payments.get(a.payment.id) : undefined;
      const invoice = invoices.get(a.invoiceId);
      const sub = invoice?.subscriptionId ? subs.get(invoice.subscriptionId) : undefined;
      return payment?.status === 'processing' && invoice?.status === 'open' && sub !== undefined && !ACTIVATED_BY_PAYMENT.has(sub.status);
    }),
  );
  const outcomes: (PayInvoiceOutcome | undefined)[] = [];
  for (const a of attempts) {
    if (plain.has(a)) {
      outcomes.push('paid');
      continue;
    }
    const result = await resultOf(tx, deps, a, options);
    outcomes.push(result?.outcome);
    await bookCollection(tx, deps, cache, { livemode, invoiceId: a.invoiceId, result, nowMs });
  }
  await bookPlainSuccesses(tx, deps, cache, [...plain], { livemode, nowMs, payments, invoices });
  return outcomes;
}

/** What `payInvoice` would have returned for this attempt, recording the gateway's answer if there is one. */
async function resultOf(tx: Executor, deps: LifecycleDeps, a: Attempt, options: { livemode: boolean; nowMs: number }): Promise<PayInvoiceResult | undefined> {
  if (a.refused || !a.invoice) return undefined;
  if (a.done) return { outcome: a.done, invoice: a.invoice, payment: null };
  if (!a.payment) return undefined;
  if (!a.answer) {
    const invoice = (await invoiceRepository.find(tx, options.livemode, a.invoiceId)) ?? a.invoice;
    return { outcome: outcomeOf(a.payment.status), invoice, payment: a.payment };
  }
  const recorded = await recordPaymentResult(tx, { payment: a.payment, result: a.answer, atMs: options.nowMs, ids: deps.ids, ...(a.attempt !== undefined ? { attempt: a.attempt } : {}) });
  return { outcome: outcomeOf(recorded.payment.status), invoice: recorded.invoice ?? a.invoice, payment: recorded.payment, result: a.answer };
}

async function bookPlainSuccesses(
  tx: Executor,
  deps: LifecycleDeps,
  cache: RunCache,
  plain: Attempt[],
  input: { livemode: boolean; nowMs: number; payments: Map<string, PaymentRow>; invoices: Map<string, InvoiceRow> },
): Promise<void> {
  const { livemode, nowMs } = input;
  if (plain.length === 0) return;
  const journals: JournalInput[] = [];
  const paid: { invoice: InvoiceRow; payment: PaymentRow }[] = [];
  const paymentPatches: { id: string; patch: Partial<PaymentRow> }[] = [];
  const invoicePatches: { id: string; patch: Partial<InvoiceRow> }[] = [];
  for (const a of plain) {
    const current = input.invoices.get(a.invoiceId) as InvoiceRow;
    const before = input.payments.get((a.payment as PaymentRow).id) as PaymentRow;
    // Read in this transaction and written below with exactly these patches: the stored rows are these.
    const paymentPatch: Partial<PaymentRow> = { gatewayRef: (a.answer as PaymentResult).paymentId, updatedAt: nowMs, status: 'succeeded' };
    const payment: PaymentRow = { ...before, ...paymentPatch };
    const invoicePatch = paidInvoicePatch(current, payment, nowMs, a.attempt);
    const invoice: InvoiceRow = { ...current, ...invoicePatch };
    paymentPatches.push({ id: payment.id, patch: paymentPatch });
    invoicePatches.push({ id: invoice.id, patch: invoicePatch });
    journals.push(paymentJournal(payment, nowMs));
    paid.push({ invoice, payment });
  }
  await batchRepository.updatePayments(tx, livemode, paymentPatches);
  await batchRepository.updateInvoices(tx, livemode, invoicePatches);
  // Payments that were processing have no journal yet: the one that marks them succeeded is new.
  await postNewJournals(tx, journals);
  const lines = await batchRepository.linesOf(tx, paid.map((p) => p.invoice.id));
  const events: RecordEventInput[] = [];
  for (const { invoice, payment } of paid) {
    events.push({ livemode, type: 'invoice.paid', data: toInvoice(invoice, lines.get(invoice.id) ?? []), dedupeKey: `invoice.paid:${invoice.id}`, atMs: nowMs, id: deps.ids.next('evt') });
    events.push({ livemode, type: 'payment.succeeded', data: toPayment(payment), dedupeKey: `payment.succeeded:${payment.id}`, atMs: nowMs, id: deps.ids.next('evt') });
  }
  await recordEvents(tx, events);

  const customers = await batchRepository.customers(tx, livemode, paid.map((p) => p.invoice.customerId));
  const seller = await cache.seller(tx, livemode);
  const emails: EmailRow[] = [];
  for (const { invoice, payment } of paid) {
    const customer = customers.get(invoice.customerId);
    if (!customer) continue;
    const row = emailRowOf(
      deps.mailer,
      { livemode: customer.livemode, customer, template: 'receipt', data: { amountMinor: payment.amount, currency: invoice.currency, paidAtMs: nowMs, invoiceNumber: invoice.number }, dedupeKey: `receipt:${payment.id}`, atMs: nowMs, ids: deps.ids },
      seller.name,
    );
    if (row) emails.push(row);
  }
  await batchRepository.insertEmails(tx, emails);
  await refreshNextActions(tx, livemode, paid.flatMap((p) => (p.invoice.subscriptionId ? [p.invoice.subscriptionId] : [])), nowMs);
}

/** `refreshNextAction` for many subscriptions: their state and open invoices read once. */
async function refreshNextActions(tx: Executor, livemode: boolean, ids: readonly string[], nowMs: number): Promise<void> {
  const subs = [...(await batchRepository.subscriptions(tx, livemode, ids)).values()];
  const retries = await batchRepository.earliestRetries(tx, livemode, ids);
  const prices = await pricesOf(tx, livemode, subs);
  const changed: { id: string; atMs: number | null }[] = [];
  for (const row of subs) {
    const metered = row.items.some((i) => prices.get(i.priceId)?.recurringUsageType === 'metered');
    const next = nextActionOf(row, nowMs, retries.get(row.id) ?? null, metered);
    if (next !== row.nextActionAt) changed.push({ id: row.id, atMs: next });
  }
  await batchRepository.setNextActions(tx, livemode, changed);
}
