import type { PaymentMethodWire } from '@abona/api';
import { toIso } from '@abona/core';
import type { PaymentMethodRow } from './repository.js';

/** A payment method as the API shows it: brand, last 4 and expiry only. */
export function toPaymentMethod(row: PaymentMethodRow, defaultId: string | null): PaymentMethodWire {
  const cardLike =
    row.type === 'card' || row.type === 'apple_pay' || row.type === 'google_pay' || row.type === 'sepa_debit';
  return {
    id: row.id,
    object: 'payment_method',
    type: row.type,
    customer: row.customerId,
    card: cardLike
      ? { brand: row.brand, last4: row.last4, exp_month: row.expMonth, exp_year: row.expYear }
      : null,
    off_session_ready: row.offSessionReady,
    default: row.id === defaultId,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
