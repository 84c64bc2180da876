import { defaultPlanChangePolicy, type PlanChangePolicy, type ProrationBehavior } from '@abona/core';
import type { Executor } from '../../db/client.js';
import { settingsRepository } from './repository.js';

/** How subscriptions of one mode change, retry and end: read by subscriptions, dunning and the portal. */
export interface BillingSettings {
  /** When each kind of plan change takes effect, for every product. */
  planChangePolicy: PlanChangePolicy;
  /** Overrides of {@link BillingSettings.planChangePolicy} per product group (`product.group`). */
  planChangePolicyByGroup: Record<string, Partial<PlanChangePolicy>>;
  prorationBehavior: ProrationBehavior;
  /** Days after the first failed attempt on which payment is retried, ascending. */
  dunningRetryDays: number[];
  /** What a subscription becomes once the last retry failed. */
  retriesExhausted: 'canceled' | 'unpaid';
  /** The portal may cancel at once (else only at period end). */
  allowCancelNow: boolean;
  allowPause: boolean;
  /** Coupon the portal offers a customer about to cancel. */
  retentionCouponId: string | null;
}

/** Defaults: core's plan-change policy, prorations on the next invoice, retries on days 1, 3, 5, 7, then canceled. */
export const defaultBillingSettings: BillingSettings = {
  planChangePolicy: defaultPlanChangePolicy,
  planChangePolicyByGroup: {},
  prorationBehavior: 'create_prorations',
  dunningRetryDays: [1, 3, 5, 7],
  retriesExhausted: 'canceled',
  allowCancelNow: false,
  allowPause: true,
  retentionCouponId: null,
};

export const BILLING_SETTINGS_KEY = 'billing';

/**
 * The billing settings of one mode: the stored ones over {@link defaultBillingSettings} (a
 * setting added later gets its default). Works with a transaction handle too.
 */
export async function loadBillingSettings(db: Executor, livemode: boolean): Promise<BillingSettings> {
  const stored = (await settingsRepository(db).read(livemode, BILLING_SETTINGS_KEY)) as
    Partial<BillingSettings> | undefined;
  if (!stored) return defaultBillingSettings;
  return {
    ...defaultBillingSettings,
    ...stored,
    planChangePolicy: { ...defaultPlanChangePolicy, ...stored.planChangePolicy },
  };
}

/** The plan-change policy for a product of `group` (null: no group): the group's overrides over the default. */
export function planChangePolicyFor(
  settings: BillingSettings,
  group: string | null | undefined,
): PlanChangePolicy {
  const overrides = group ? settings.planChangePolicyByGroup[group] : undefined;
  return overrides ? { ...settings.planChangePolicy, ...overrides } : settings.planChangePolicy;
}
