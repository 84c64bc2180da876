import { css } from 'lit';

/*
 * Status colours (success, warning, danger), each written once as `light-dark(<light>, <dark>)`
 * like the rest of the tokens (base.styles.ts, which sets the colour scheme they resolve by). A
 * module of their own so a bundle of the pricing table, whose first render reads none of them,
 * can leave them to its lazy chunk: bundlers place whole modules.
 */

/** The status colours; part of `tokenStyles`, and adopted on their own by the pricing table's lazy parts. */
export const statusTokenStyles = css`
  :host {
    --_success: var(--abona-color-success, light-dark(#047857, #34d399));
    --_success-text: var(--abona-color-success-text, light-dark(#065f46, #6ee7b7));
    --_warning: var(--abona-color-warning, light-dark(#b45309, #fbbf24));
    --_danger: var(--abona-color-danger, light-dark(#b91c1c, #f87171));
  }
`;
