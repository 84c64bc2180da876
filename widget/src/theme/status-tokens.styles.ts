import { css } from 'lit';

/*
 * Status colours (success, warning, danger) in the light and dark palettes, on the same selectors
 * as the rest of the tokens (base.styles.ts). A module of their own so a bundle of the pricing
 * table, whose first render reads none of them, can leave them to its lazy chunk: bundlers place
 * whole modules.
 */
const light = css`
  --_success: var(--abona-color-success, #047857);
  --_success-text: var(--abona-color-success-text, #065f46);
  --_warning: var(--abona-color-warning, #b45309);
  --_danger: var(--abona-color-danger, #b91c1c);
`;

const dark = css`
  --_success: var(--abona-color-success, #34d399);
  --_success-text: var(--abona-color-success-text, #6ee7b7);
  --_warning: var(--abona-color-warning, #fbbf24);
  --_danger: var(--abona-color-danger, #f87171);
`;

/** The status colours; part of `tokenStyles`, and adopted on their own by the pricing table's lazy parts. */
export const statusTokenStyles = css`
  :host {
    ${light}
  }
  .theme-dark {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .theme-auto {
      ${dark}
    }
  }
`;
