import { toIso } from '@abona/core';
import type { PaymentRow } from './repository.js';

/** A payment as events and the API show it. */
export function toPayment(row: PaymentRow) {
  return {
    id: row.id,
    object: 'payment' as const,
    amount: row.amount,
    amount_refunded: row.amountRefunded,
    currency: row.currency,
    status: row.status,
    customer: row.customerId,
    invoice: row.invoiceId,
    checkout_session: row.checkoutSessionId,
    payment_method: row.paymentMethodId,
    off_session: row.offSession,
    decline_code: row.declineCode,
    failure_message: row.failureMessage,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
