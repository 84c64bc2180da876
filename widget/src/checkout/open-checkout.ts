import type { PlanSelectedDetail } from '../events/plan-selected.js';

/** The settings a pricing table passes on to the checkout it opens. */
export interface CheckoutOpener extends HTMLElement {
  publishableKey?: string | undefined;
  apiBase?: string | undefined;
  locale?: string | undefined;
  theme?: string | undefined;
  country?: string | undefined;
}

const opened = new WeakMap<HTMLElement, HTMLElement>();

/**
 * Opens `<abona-checkout>` for a chosen plan right after the pricing table: in a dialog
 * (`checkout-dialog`) or inline below it (`checkout-inline`). Works by tag name, so the pricing
 * table does not carry the checkout's code: a page that registers only the table gets the
 * element upgraded whenever the checkout is registered. The same element is reused for the
 * next choice.
 */
export function openCheckout(table: CheckoutOpener, detail: PlanSelectedDetail, heading: string): void {
  if (detail.ctaMode === 'event' || !detail.priceId) return;
  let checkout = opened.get(table);
  if (!checkout || !checkout.isConnected) {
    checkout = document.createElement('abona-checkout');
    table.after(checkout);
    opened.set(table, checkout);
  }
  for (const [attribute, value] of [
    ['publishable-key', table.publishableKey],
    ['api-base', table.apiBase],
    ['locale', table.locale],
    ['theme', table.theme],
    ['country', table.country],
  ] as const) {
    if (value) checkout.setAttribute(attribute, value);
  }
  checkout.setAttribute('price', `${detail.priceId}:${detail.quantity}`);
  checkout.setAttribute('currency', detail.currency);
  checkout.setAttribute('heading', heading);
  checkout.setAttribute('presentation', detail.ctaMode === 'checkout-dialog' ? 'dialog' : 'inline');
  if (detail.ctaMode === 'checkout-dialog') checkout.toggleAttribute('open', true);
  else checkout.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
