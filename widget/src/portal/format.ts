import { formatDate } from '../i18n/dates.js';
import type { Translate } from '../i18n/translate.js';
import type { PillTone } from '../shared/status-pill.js';
import type { PortalMessageKey } from './messages.js';
import type { PortalOverview } from './portal-store.js';
import type { PortalPaymentMethod, PortalSubscription, SubscriptionItem } from './portal-types.js';

type T = Translate<PortalMessageKey>;

/** A short date in the customer's locale without the year ("26 Dec"), for status pills and steps. */
export function shortDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** "26 Dec 2026". */
export const longDate = (iso: string, locale: string): string => formatDate(iso, locale);

/** The status pill of a subscription: "Active", "Trial until 3 Dec", "Cancels on 26 Dec", "Paused until 1 Feb". */
export function statusOf(sub: PortalSubscription, locale: string, t: T): { label: string; tone: PillTone } {
  if (sub.status === 'paused') {
    const resumes = sub.pause_collection?.resumes_at;
    return { label: resumes ? t('portal.status.paused', { date: shortDate(resumes, locale) }) : t('portal.status.pausedIndefinitely'), tone: 'neutral' };
  }
  if (sub.cancel_at_period_end && sub.status !== 'canceled') return { label: t('portal.status.canceling', { date: shortDate(sub.current_period_end, locale) }), tone: 'warning' };
  switch (sub.status) {
    case 'trialing':
      return { label: t('portal.status.trialing', { date: shortDate(sub.trial_end ?? sub.current_period_end, locale) }), tone: 'info' };
    case 'active':
      return { label: t('portal.status.active'), tone: 'success' };
    case 'past_due':
      return { label: t('portal.status.pastDue'), tone: 'danger' };
    case 'unpaid':
      return { label: t('portal.status.unpaid'), tone: 'danger' };
    case 'canceled':
    case 'incomplete_expired':
      return { label: t('portal.status.canceled'), tone: 'neutral' };
    default:
      return { label: t('portal.status.incomplete'), tone: 'warning' };
  }
}

/** The item that names the plan: the first item with a fixed price, else the first one. */
export function mainItem(sub: PortalSubscription): SubscriptionItem | undefined {
  return sub.items.data.find((item) => item.price.unit_amount !== null) ?? sub.items.data[0];
}

/**
 * Whether an item is billed by usage. The public catalog says so; without it, a price with no
 * unit amount on a subscription that has another item is taken as the usage one.
 */
export function isMetered(overview: PortalOverview, sub: PortalSubscription, item: SubscriptionItem): boolean {
  for (const product of overview.pricing?.products ?? []) {
    const price = product.prices.find((p) => p.id === item.price.id);
    if (price) return price.usage_type === 'metered';
  }
  return item.price.unit_amount === null && item !== mainItem(sub);
}

/** The product's name as the catalog gives it. */
export function productName(overview: PortalOverview, productId: string | null | undefined, t: T): string {
  return (productId && overview.productNames[productId]) || t('portal.plan.unknown');
}

/** "/ month", "/ 3 months". */
export function perInterval(recurring: { interval: string; interval_count: number } | null, t: T): string {
  if (!recurring) return '';
  const key = `portal.per.${recurring.interval}` as PortalMessageKey;
  return t(key, { count: recurring.interval_count });
}

/** "Visa ending in 4242", "SEPA Direct Debit ending in 3000", "Bank transfer". */
export function paymentMethodLabel(pm: PortalPaymentMethod, t: T): string {
  const brand = pm.card?.brand ? pm.card.brand.charAt(0).toUpperCase() + pm.card.brand.slice(1) : '';
  if (pm.type === 'bank_transfer') return t('portal.pm.bankTransfer');
  if (pm.type === 'sepa_debit') return t('portal.pm.sepa', { last4: pm.card?.last4 ?? '' });
  if (pm.type === 'apple_pay' || pm.type === 'google_pay') return pm.type === 'apple_pay' ? 'Apple Pay' : 'Google Pay';
  return t('portal.pm.card', { brand: brand || t('portal.pm.cardGeneric'), last4: pm.card?.last4 ?? '' });
}

/** Whether a card's expiry month has passed, at `nowMs`. */
export function isExpired(pm: PortalPaymentMethod, nowMs: number): boolean {
  const { exp_month: month, exp_year: year } = pm.card ?? {};
  if (!month || !year) return false;
  // Cards are valid through the last day of their expiry month.
  return nowMs >= Date.UTC(year, month, 1);
}
