import { coreBaseStyles, coreButtonStyles, coreTokenStyles } from './base.styles.js';
import { fieldBaseStyles, stateButtonStyles } from './state.styles.js';
import { statusTokenStyles } from './status-tokens.styles.js';

/*
 * The theme every element uses: design tokens (public `--abona-*` knobs read through private
 * `--_*` copies, light and dark palettes), base styles and button styles. Defined in
 * base.styles.ts, state.styles.ts and status-tokens.styles.ts; the pricing table imports those
 * directly (see there why).
 */
export { coreBaseStyles, coreButtonStyles, coreTokenStyles } from './base.styles.js';
export { fieldBaseStyles, stateButtonStyles } from './state.styles.js';
export { statusTokenStyles } from './status-tokens.styles.js';

/** Tokens for a top-level element: the palette (status colours included), metrics and font. */
export const tokenStyles = [coreTokenStyles, statusTokenStyles];

/** Base styles every shadow root includes: box model, focus rings, reduced motion, helpers, fields. */
export const baseStyles = [coreBaseStyles, fieldBaseStyles];

/** Buttons shared by all elements: primary, secondary and quiet, with `::part`-friendly classes. */
export const buttonStyles = [coreButtonStyles, stateButtonStyles];
