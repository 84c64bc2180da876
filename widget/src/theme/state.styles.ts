import { css } from 'lit';

/*
 * The base and button rules a pricing table's first render never matches: the `hidden`
 * attribute and form fields, disabled and quiet buttons. A module of their own, like the status
 * colours, so the table's bundle leaves them to its lazy chunk (bundlers place whole modules;
 * css`` calls are kept wherever their module goes). Every other element gets them through
 * `baseStyles` and `buttonStyles` (tokens.styles.ts). They set other properties than the rules
 * they were split from, or use !important, so adopting them after those changes nothing.
 */

/** The `hidden` attribute and form fields: the rest of `baseStyles`. */
export const fieldBaseStyles = css`
  [hidden] {
    display: none !important;
  }
  input,
  select {
    font: inherit;
    color: inherit;
  }
`;

/** Disabled and quiet buttons: the rest of `buttonStyles`. */
export const stateButtonStyles = css`
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  .button.quiet {
    background: transparent;
    color: var(--_primary);
    min-height: auto;
    padding: 0.25rem 0;
    font-weight: 500;
  }
`;
