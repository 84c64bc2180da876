import type {
  BillingSettings as BillingSettingsWire,
  SellerSettings as SellerSettingsWire,
} from '@abona/api';
import type { SellerSettings } from '../../billing/seller.js';
import type { BillingSettings } from './billing.js';

/** The seller as the API shows it. */
export function toSellerSettings(seller: SellerSettings, livemode: boolean): SellerSettingsWire {
  const a = seller.address;
  const t = seller.tax;
  return {
    object: 'seller_settings',
    livemode,
    name: seller.name,
    email: seller.email ?? null,
    address: {
      country: a.country,
      ...(a.line1 !== undefined ? { line1: a.line1 } : {}),
      ...(a.city !== undefined ? { city: a.city } : {}),
      ...(a.postalCode !== undefined ? { postal_code: a.postalCode } : {}),
      ...(a.state !== undefined ? { state: a.state } : {}),
    },
    tax: {
      country: t.country,
      ...(t.state ? { state: t.state } : {}),
      registrations: t.registrations.map((r) => ({
        country: r.country,
        ...(r.state ? { state: r.state } : {}),
        ...(r.type ? { type: r.type } : {}),
        ...(r.taxId ? { tax_id: r.taxId } : {}),
      })),
      ...(t.pricesIncludeTaxIn ? { prices_include_tax_in: t.pricesIncludeTaxIn } : {}),
    },
    default_currency: seller.defaultCurrency,
  };
}

/** Billing settings as the API shows them. */
export function toBillingSettings(settings: BillingSettings, livemode: boolean): BillingSettingsWire {
  return {
    object: 'billing_settings',
    livemode,
    plan_change_policy: { ...settings.planChangePolicy },
    plan_change_policy_by_group: settings.planChangePolicyByGroup,
    proration_behavior: settings.prorationBehavior,
    dunning: { retry_days: settings.dunningRetryDays, retries_exhausted: settings.retriesExhausted },
    portal: {
      allow_cancel_now: settings.allowCancelNow,
      allow_pause: settings.allowPause,
      retention_coupon: settings.retentionCouponId,
    },
  };
}
