import '../shared/dialog/dialog.js';
import '../shared/segmented-control/segmented-control.js';
import { Checkout } from './checkout.component.js';

export { Checkout, type CheckoutMethod } from './checkout.component.js';

// Guarded: a page may load Abona twice (npm bundle and script tag); the first definition wins.
if (!customElements.get('abona-checkout')) customElements.define('abona-checkout', Checkout);

declare global {
  interface HTMLElementTagNameMap {
    'abona-checkout': Checkout;
  }
}
