/**
 * Portal views of billing objects: the secret-key API's own serializers, minus what is the
 * vendor's business (metadata), so the widget reads one shape everywhere.
 */
import type { PortalCustomer, PortalInvoice, PortalPaymentMethod, PortalSubscription } from '@abona/api';
import type { PriceRow } from '../db/schema.js';
import { toCustomer, type CustomerView } from '../resources/customers/serialize.js';
import { toInvoice } from '../resources/invoices/serialize.js';
import { toPaymentMethod } from '../resources/payment-methods/serialize.js';
import { toSubscription } from '../resources/subscriptions/serialize.js';
import type { InvoiceLineRow, InvoiceRow, PaymentMethodRow, SubscriptionRow } from './repository.js';

export function toPortalCustomer(view: CustomerView): PortalCustomer {
  const full = toCustomer(view);
  return {
    id: full.id,
    object: 'customer',
    email: full.email,
    name: full.name,
    address: full.address,
    tax_ids: full.tax_ids,
    locale: full.locale,
    preferred_currency: full.preferred_currency,
    default_payment_method: view.customer.defaultPaymentMethodId,
    livemode: full.livemode,
  };
}

/** A subscription as the secret-key API shows it, without the vendor's metadata and cancellation notes. */
export function toPortalSubscription(row: SubscriptionRow, prices: ReadonlyMap<string, PriceRow>): PortalSubscription {
  const { metadata: _metadata, cancellation_details: _details, ...visible } = toSubscription(row, prices);
  return visible;
}

/** An invoice as the secret-key API shows it (the customer's own document), without metadata. */
export function toPortalInvoice(row: InvoiceRow, lines: readonly InvoiceLineRow[]): PortalInvoice {
  const { metadata: _metadata, ...visible } = toInvoice(row, lines);
  return visible;
}

export function toPortalPaymentMethod(row: PaymentMethodRow, defaultId: string | null): PortalPaymentMethod {
  return toPaymentMethod(row, defaultId);
}
