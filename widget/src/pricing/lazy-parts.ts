/*
 * What the pricing table loads only when the data (or the page) calls for it: see extras.ts.
 * A flat-priced table that loads fine and only fires `abona-plan-selected` never downloads it.
 */
import type { CSSResult } from 'lit';
import { lazyModule } from './lazy-module.js';
import { addEnglish } from './messages.js';
import type { PricingState } from './pricing-store.js';

/** Seat, tier and usage prices, the interval switch and currency menu, the error panel, portal mode and the checkout opener (extras.ts). */
export const extras = lazyModule(() => import('./extras.js'), (module) => addEnglish(module.onDemandEn));

/** True when a render of `state` needs {@link extras} before it can show more than the skeleton. */
export function needsExtras(state: PricingState): boolean {
  if (state.status === 'error' && state.error) return true;
  if ((state.data?.intervals.length ?? 0) > 1 || (state.data?.available_currencies.length ?? 0) > 1) return true;
  for (const product of state.data?.products ?? []) {
    for (const price of product.prices) {
      // Over-approximates describePrice's rules: loading the chunk once too often beats a flash.
      if (price.usage_type === 'licensed' && (price.model === 'per_unit' || price.model === 'graduated' || price.model === 'volume')) return true;
      if (price.tiers?.length || price.usage_type === 'metered') return true;
    }
  }
  return false;
}

/** Styles that arrive with the extras chunk, to adopt next to the table's own. */
export function lazyStyles(): CSSResult[] {
  return extras.value ? [extras.value.statusTokenStyles, extras.value.fieldBaseStyles, extras.value.stateButtonStyles, extras.value.segmentStyles, extras.value.onDemandStyles, extras.value.tierStyles, extras.value.errorStateStyles] : [];
}
