import { css } from 'lit';

/*
 * The core design tokens (every colour but the status ones, metrics, font), and the base and
 * button styles. tokens.styles.ts is the public face of the theme; this module holds what a
 * pricing table's first render reads, apart from the status colours (status-tokens.styles.ts),
 * so its bundle need not carry those.
 *
 * Design tokens. Public knobs are `--abona-*` custom properties, read through private `--_*`
 * copies so a vendor can set them anywhere (on :root, a wrapper, or the element itself) and
 * still beat our defaults. Light and dark are two designed palettes, not an inversion: each
 * colour is written once as `light-dark(<light>, <dark>)`, which the browser resolves where the
 * colour is used, by the `color-scheme` the theme class sets on the element's root wrapper. The
 * shadows differ in shape too, so each is one list whose layers are transparent in the other
 * palette. Nested internal elements inherit the private copies and the colour scheme, and never
 * redefine them.
 */

/**
 * Tokens for a top-level element, without the status colours. They sit on `:host`; the
 * element's root wrapper (`.abona-root`) picks the palette with its theme class: `theme-light`,
 * `theme-dark`, or `theme-auto` (the system's preference), so the theme can come from an
 * attribute or from `configure()`. The pricing table starts with these alone and adopts
 * {@link statusTokenStyles} with its lazy parts (the saving hint, the error panel), the only ones
 * of it that read them.
 */
export const coreTokenStyles = css`
  :host {
    --_primary: var(--abona-color-primary, light-dark(#4f46e5, #8b93ff));
    --_primary-hover: var(--abona-color-primary-hover, light-dark(#4338ca, #a5abff));
    --_primary-contrast: var(--abona-color-primary-contrast, light-dark(#ffffff, #0b1020));
    --_primary-soft: var(--abona-color-primary-soft, light-dark(#eef2ff, rgb(139 147 255 / 0.14)));
    --_text: var(--abona-color-text, light-dark(#0f172a, #e7ebf3));
    --_text-muted: var(--abona-color-text-muted, light-dark(#51607a, #9aa6bc));
    --_bg: var(--abona-color-bg, transparent);
    --_surface: var(--abona-color-surface, light-dark(#ffffff, #121a2b));
    --_surface-muted: var(--abona-color-surface-muted, light-dark(#f1f5f9, #1a2336));
    --_border: var(--abona-color-border, light-dark(#e2e8f0, #253049));
    --_focus: var(--abona-color-focus, light-dark(#4f46e5, #a5abff));
    --_shadow: var(
      --abona-shadow,
      0 1px 2px light-dark(rgb(15 23 42 / 0.04), rgb(0 0 0 / 0.3)),
      0 8px 24px -12px light-dark(rgb(15 23 42 / 0.12), transparent),
      0 12px 32px -16px light-dark(transparent, rgb(0 0 0 / 0.6))
    );
    --_shadow-raised: var(
      --abona-shadow-raised,
      0 2px 4px light-dark(rgb(79 70 229 / 0.06), transparent),
      0 24px 48px -20px light-dark(rgb(79 70 229 / 0.35), transparent),
      0 0 0 1px light-dark(transparent, rgb(139 147 255 / 0.25)),
      0 24px 64px -24px light-dark(transparent, rgb(139 147 255 / 0.45))
    );
    --_skeleton: light-dark(#e2e8f0, #1e2940);
    --_skeleton-shine: light-dark(#f1f5f9, #27344f);
    color-scheme: light;
    --_radius: var(--abona-radius, 14px);
    --_radius-small: calc(var(--_radius) * 0.6);
    --_font: var(--abona-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--abona-font-size, 1rem);
    --_space: calc(var(--abona-spacing, 1rem) * var(--abona-density, 1));
    --_transition: 160ms cubic-bezier(0.2, 0, 0, 1);
  }
  .theme-dark {
    color-scheme: dark;
  }
  .theme-auto {
    color-scheme: light dark;
  }
  .abona-root {
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    -webkit-font-smoothing: antialiased;
  }
`;

/**
 * Box model, focus rings, reduced motion, helpers: the part of `baseStyles` (tokens.styles.ts)
 * that a pricing table's first render matches; the rest is in state.styles.ts.
 */
export const coreBaseStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  a {
    font: inherit;
    color: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      /* none, not a tiny duration: transition-property defaults to all, so a duration would
         make every style change (a theme switch) transition. */
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Primary and secondary buttons: the part of `buttonStyles` (tokens.styles.ts) a pricing table's first render matches. */
export const coreButtonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0.625rem calc(var(--_space) * 1.125);
    border-radius: var(--_radius-small);
    border: 1px solid transparent;
    font-weight: 600;
    font-size: 0.9375rem;
    letter-spacing: -0.005em;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color var(--_transition),
      border-color var(--_transition),
      box-shadow var(--_transition),
      transform var(--_transition);
  }
  .button:active:not(:disabled) {
    transform: translateY(1px);
  }
  .button.primary {
    background: var(--_primary);
    color: var(--_primary-contrast);
    box-shadow: 0 1px 2px rgb(15 23 42 / 0.12);
  }
  .button.primary:hover:not(:disabled) {
    background: var(--_primary-hover);
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  .button.secondary:hover:not(:disabled) {
    border-color: var(--_text-muted);
  }
`;
