import type { CheckoutQuote, CheckoutSession } from '@abona/api';
import { toIso, type Invoice } from '@abona/core';
import { toLineWire, toTaxAmountWire } from '../invoices/serialize.js';
import type { CheckoutSessionRow } from './repository.js';
import { stateOf } from './state.js';

function quoteWire(today: Invoice, then: { atMs: number; invoice: Invoice } | null): CheckoutQuote {
  return {
    currency: today.currency,
    lines: today.lines.map(toLineWire),
    subtotal: today.subtotal,
    total_discount: today.totalDiscount,
    total_excluding_tax: today.totalExcludingTax,
    tax: today.tax,
    total: today.total,
    tax_breakdown: today.taxBreakdown.map(toTaxAmountWire),
    amount_due: today.amountDue,
    reverse_charge: today.reverseCharge,
    notes: today.notes,
    then: then
      ? {
          date: toIso(then.atMs),
          subtotal: then.invoice.subtotal,
          total_discount: then.invoice.totalDiscount,
          tax: then.invoice.tax,
          total: then.invoice.total,
          tax_breakdown: then.invoice.taxBreakdown.map(toTaxAmountWire),
        }
      : null,
  };
}

/** A checkout session as the API shows it, with the engine's quote. */
export function toCheckoutSession(row: CheckoutSessionRow): CheckoutSession {
  const state = stateOf(row);
  const details = row.customerDetails;
  const pending = state.confirm?.pending ?? null;
  const instructions = pending?.instructions ?? null;
  const coupon = state.discounts[0]?.coupon;
  return {
    id: row.id,
    object: 'checkout_session',
    status: row.status,
    mode: row.mode,
    payment_status: row.paymentStatus,
    currency: row.currency,
    line_items: row.items.map((item) => ({ price: item.priceId, quantity: item.quantity })),
    customer: row.customerId,
    customer_email: details.email ?? null,
    customer_details: {
      name: details.name ?? null,
      business: details.business,
      business_name: details.businessName ?? null,
      address: {
        country: details.address.country ?? null,
        state: details.address.state ?? null,
        postal_code: details.address.postalCode ?? null,
        line1: details.address.line1 ?? null,
        line2: details.address.line2 ?? null,
        city: details.address.city ?? null,
      },
      tax_id: details.taxId
        ? { type: details.taxId.type, value: details.taxId.value, valid: details.taxId.valid }
        : null,
    },
    promotion_code: row.promotionCodeId,
    discount:
      coupon && row.couponId
        ? {
            coupon: row.couponId,
            promotion_code: row.promotionCodeId,
            name: null,
            percent_off: coupon.percentOff ?? null,
            amount_off: coupon.amountOff?.[row.currency as keyof typeof coupon.amountOff] ?? null,
          }
        : null,
    amount_subtotal: row.amountSubtotal,
    amount_discount: row.amountDiscount,
    amount_tax: row.amountTax,
    amount_total: row.amountTotal,
    quote: quoteWire(state.today, state.then),
    trial_end: row.trialEnd === null ? null : toIso(row.trialEnd),
    subscription: row.subscriptionId,
    invoice: row.invoiceId,
    payment: row.paymentId,
    next_action:
      row.paymentStatus === 'requires_action' && pending?.actionId && pending.clientSecret
        ? { type: 'three_d_secure', action_id: pending.actionId, client_secret: pending.clientSecret }
        : null,
    bank_transfer_instructions:
      row.paymentStatus === 'processing' && instructions
        ? {
            currency: instructions.currency,
            account_holder_name: instructions.accountHolderName,
            bank_name: instructions.bankName,
            iban: instructions.iban,
            bic: instructions.bic,
            sort_code: instructions.sortCode,
            account_number: instructions.accountNumber,
            routing_number: instructions.routingNumber,
            reference: instructions.reference,
          }
        : null,
    last_payment_error: state.confirm?.lastError
      ? {
          code: state.confirm.lastError.code,
          decline_code: state.confirm.lastError.declineCode,
          message: state.confirm.lastError.message,
        }
      : null,
    success_url: row.successUrl,
    cancel_url: row.cancelUrl,
    locale: row.locale,
    expires_at: toIso(row.expiresAt),
    completed_at: row.completedAt === null ? null : toIso(row.completedAt),
    metadata: row.metadata,
    livemode: row.livemode,
    created: toIso(row.createdAt),
  };
}
