import { toIso, type Invoice, type Period } from '@abona/core';
import type { Db } from '../db/client.js';
import { ApiError, NotFound } from '../errors/index.js';
import { toTaxAmountWire } from '../resources/invoices/serialize.js';
import { toLineWire } from '../resources/invoices/serialize.js';
import { subscriptionRepository, type SubscriptionRow } from '../resources/subscriptions/repository.js';
import { loadCoreSubscription } from '../resources/subscriptions/state.js';
import type { Actor } from './changes.js';
import { freshCache } from './context.js';
import { priceSubscriptionInvoice, productNamesOf, renewalDraft, type RenewalEvent } from './invoice.js';
import { lifecycleRepository } from './repository.js';

/** The next renewal invoice, priced but not written. */
export interface UpcomingInvoice {
  row: SubscriptionRow;
  invoice: Invoice;
  period: Period;
  /** When the billing run makes (and charges) it. */
  atMs: number;
}

/** 404 `no_upcoming_invoice`: nothing renews (canceled, ending at the period end, paused without a resume date). */
export class NoUpcomingInvoice extends ApiError {
  constructor(id: string) {
    super(404, 'invalid_request_error', 'no_upcoming_invoice', `Subscription '${id}' has no upcoming invoice: it does not renew`, 'id');
    this.name = 'NoUpcomingInvoice';
  }
}

/** Which period start the run bills next, and at what instant; undefined when nothing renews. */
function nextEvent(row: SubscriptionRow): { event: RenewalEvent; atMs: number } | undefined {
  if (row.cancelAtPeriodEnd) return undefined;
  switch (row.status) {
    case 'active':
    case 'past_due':
    case 'unpaid':
      return { event: 'period_renewed', atMs: row.currentPeriodEnd };
    case 'trialing':
      return { event: 'trial_ended_with_payment_method', atMs: row.currentPeriodEnd };
    case 'paused':
      return row.pauseResumesAt === null ? undefined : { event: 'resume', atMs: row.pauseResumesAt };
    default:
      return undefined;
  }
}

/**
 * The invoice the billing run will make when this subscription next starts a billed period,
 * built by the run's own functions (`renewalDraft` + `priceSubscriptionInvoice`): pending
 * prorations, a scheduled change, active discounts, credit and the seller's tax, with usage as
 * recorded so far. A trial is previewed as ending with a payment method. Reads only.
 * @throws NotFound for an unknown or (with `actor.customerId`) foreign subscription; NoUpcomingInvoice.
 */
export async function upcomingInvoice(db: Db, actor: Actor, id: string): Promise<UpcomingInvoice> {
  const row = await subscriptionRepository.find(db, actor.livemode, id);
  if (!row || (actor.customerId !== undefined && row.customerId !== actor.customerId)) throw new NotFound('subscription', id);
  const next = nextEvent(row);
  if (!next) throw new NoUpcomingInvoice(id);
  const customer = await lifecycleRepository.customerOf(db, row.livemode, row.customerId);
  if (!customer) throw new NotFound('customer', row.customerId, 'customer');
  const cache = freshCache();
  const current = await loadCoreSubscription(db, row);
  const names = await productNamesOf(db, cache, [...current.items, ...(current.scheduledChange?.items ?? [])]);
  const { core, lines } = await renewalDraft(db, row, current, next.event, next.atMs, names);
  const { built } = await priceSubscriptionInvoice(db, cache, { row, core, customer, lines, atMs: next.atMs });
  return { row, invoice: built, period: core.currentPeriod, atMs: next.atMs };
}

/** Wire shape: an invoice without id or number (Stripe's upcoming invoice). */
export function toUpcomingInvoice(upcoming: UpcomingInvoice) {
  const { row, invoice, period } = upcoming;
  return {
    object: 'invoice' as const,
    id: null,
    upcoming: true as const,
    customer: row.customerId,
    subscription: row.id,
    billing_reason: 'subscription_cycle' as const,
    currency: invoice.currency,
    period_start: toIso(period.startMs),
    period_end: toIso(period.endMs),
    next_payment_attempt: toIso(upcoming.atMs),
    lines: { object: 'list' as const, data: invoice.lines.map(toLineWire) },
    subtotal: invoice.subtotal,
    total_discount: invoice.totalDiscount,
    tax: invoice.tax,
    total: invoice.total,
    credit_applied: invoice.creditApplied,
    amount_due: invoice.amountDue,
    tax_breakdown: invoice.taxBreakdown.map((t) => toTaxAmountWire(t)),
    livemode: row.livemode,
  };
}
