import type { Discount, Invoice, Period, SubscriptionItem } from '@abona/core';
import type { BankTransferInstructions, PaymentMethodType } from '../../gateway/types.js';
import { InvariantBroken } from '../../errors/index.js';
import type { Quote } from '../../billing/quote.js';
import type { CheckoutSessionRow } from './repository.js';

/** The payment method attached at the gateway for this session, as far as we may keep it. */
export interface SessionMethod {
  ref: string;
  type: PaymentMethodType;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  offSessionReady: boolean;
}

/** Where a confirmation stands between its steps (kept in the session row, see {@link SessionState}). */
export interface ConfirmState {
  attempt: number;
  /** Set while one request works on the session; another confirm waits or gets a 409. */
  lockedAtMs: number | null;
  /** Our customer: an existing one (same email), or the id the new one will get. */
  customerId: string;
  customerRef: string | null;
  method: SessionMethod | null;
  /** A payment or setup waiting for 3-D Secure or settlement. */
  pending: {
    kind: 'payment' | 'setup';
    ref: string;
    idempotencyKey: string;
    actionId: string | null;
    clientSecret: string | null;
    instructions: BankTransferInstructions | null;
  } | null;
  lastError: { code: string; declineCode: string; message: string } | null;
}

/**
 * What the `quote` column holds: the engine's quote (today's invoice, the next one, the
 * subscription items and discounts it was built from) and the confirmation's progress. The
 * row's amount columns mirror `quote.today` for lists and reports.
 */
export interface SessionState {
  mode: Quote['mode'];
  today: Invoice;
  period: Period | null;
  trialEndMs: number | null;
  then: { atMs: number; invoice: Invoice } | null;
  subscriptionItems: SubscriptionItem[];
  discounts: Discount[];
  onceCouponsSpent: string[];
  quotedAtMs: number;
  confirm: ConfirmState | null;
}

export function stateOf(row: CheckoutSessionRow): SessionState {
  const state = row.quote as SessionState | null;
  if (!state || typeof state !== 'object' || !('today' in state))
    throw new InvariantBroken(`checkout session ${row.id} has no quote`);
  return state;
}

export function stateFromQuote(
  quote: Quote,
  discounts: Discount[],
  atMs: number,
  confirm: ConfirmState | null,
): SessionState {
  return {
    mode: quote.mode,
    today: quote.today,
    period: quote.period,
    trialEndMs: quote.trialEndMs,
    then: quote.then,
    subscriptionItems: quote.subscriptionItems,
    discounts,
    onceCouponsSpent: quote.onceCouponsSpent,
    quotedAtMs: atMs,
    confirm,
  };
}
