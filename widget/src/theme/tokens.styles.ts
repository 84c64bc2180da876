import { coreTokenStyles } from './base.styles.js';
import { statusTokenStyles } from './status-tokens.styles.js';

/*
 * The theme every element uses: design tokens (public `--abona-*` knobs read through private
 * `--_*` copies, light and dark palettes), base styles and button styles. Defined in
 * base.styles.ts and status-tokens.styles.ts; the pricing table imports those directly (see
 * there why).
 */
export { baseStyles, buttonStyles, coreTokenStyles } from './base.styles.js';
export { statusTokenStyles } from './status-tokens.styles.js';

/** Tokens for a top-level element: the palette (status colours included), metrics and font. */
export const tokenStyles = [coreTokenStyles, statusTokenStyles];
