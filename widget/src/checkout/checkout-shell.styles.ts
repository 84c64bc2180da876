import { css } from 'lit';
import { errorStateStyles } from '../shared/error-state.js';
import { skeletonStyles } from '../shared/skeleton.js';
import { baseStyles, buttonStyles, tokenStyles } from '../theme/tokens.styles.js';

/*
 * What `<abona-checkout>` draws before its view chunk is here: the frame (card or dialog) and the
 * skeleton of the form. The view's styles (checkout.styles.ts) join these when it loads.
 */
const frame = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .checkout {
    position: relative;
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .checkout-dialog .checkout {
    padding: 0;
    border: 0;
    box-shadow: none;
  }
  .checkout-dialog::part(panel) {
    width: min(58rem, calc(100vw - 2rem));
  }
  .loading {
    display: grid;
    gap: 0.875rem;
  }
  .sk-field {
    height: 2.75rem;
  }
`;

/** The element's own styles: the frame, the skeleton and the error panel (theme tokens included). */
export const checkoutShellStyles = [tokenStyles, baseStyles, buttonStyles, skeletonStyles, errorStateStyles, frame];
