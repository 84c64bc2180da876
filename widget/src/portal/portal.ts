// The views (a lazy chunk) render these elements; registering them here keeps them out of that
// chunk, so it shares as little as possible with abona.js (every shared module is a split point).
import '../pricing/pricing-table.js';
import '../shared/dialog/dialog.js';
import '../shared/seat-stepper/seat-stepper.js';
import { Portal } from './portal.component.js';

export { Portal } from './portal.component.js';
export type { PortalFlow } from './portal-types.js';

// Guarded: a page may load Abona twice (npm bundle and script tag); the first definition wins.
if (!customElements.get('abona-portal')) customElements.define('abona-portal', Portal);

declare global {
  interface HTMLElementTagNameMap {
    'abona-portal': Portal;
  }
}
