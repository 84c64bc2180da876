import { css } from 'lit';

/*
 * The core design tokens (every colour but the status ones, metrics, font), and the base and
 * button styles. tokens.styles.ts is the public face of the theme; this module holds what a
 * pricing table's first render reads, apart from the status colours (status-tokens.styles.ts),
 * so its bundle need not carry those.
 *
 * Design tokens. Public knobs are `--abona-*` custom properties, read through private `--_*`
 * copies so a vendor can set them anywhere (on :root, a wrapper, or the element itself) and
 * still beat our defaults. Light and dark are two designed palettes, not an inversion.
 * Nested internal elements inherit the private copies and never redefine them.
 */
const light = css`
  --_primary: var(--abona-color-primary, #4f46e5);
  --_primary-hover: var(--abona-color-primary-hover, #4338ca);
  --_primary-contrast: var(--abona-color-primary-contrast, #ffffff);
  --_primary-soft: var(--abona-color-primary-soft, #eef2ff);
  --_text: var(--abona-color-text, #0f172a);
  --_text-muted: var(--abona-color-text-muted, #51607a);
  --_bg: var(--abona-color-bg, transparent);
  --_surface: var(--abona-color-surface, #ffffff);
  --_surface-muted: var(--abona-color-surface-muted, #f1f5f9);
  --_border: var(--abona-color-border, #e2e8f0);
  --_focus: var(--abona-color-focus, #4f46e5);
  --_shadow: var(--abona-shadow, 0 1px 2px rgb(15 23 42 / 0.04), 0 8px 24px -12px rgb(15 23 42 / 0.12));
  --_shadow-raised: var(--abona-shadow-raised, 0 2px 4px rgb(79 70 229 / 0.06), 0 24px 48px -20px rgb(79 70 229 / 0.35));
  --_skeleton: #e2e8f0;
  --_skeleton-shine: #f1f5f9;
  color-scheme: light;
`;

const dark = css`
  --_primary: var(--abona-color-primary, #8b93ff);
  --_primary-hover: var(--abona-color-primary-hover, #a5abff);
  --_primary-contrast: var(--abona-color-primary-contrast, #0b1020);
  --_primary-soft: var(--abona-color-primary-soft, rgb(139 147 255 / 0.14));
  --_text: var(--abona-color-text, #e7ebf3);
  --_text-muted: var(--abona-color-text-muted, #9aa6bc);
  --_bg: var(--abona-color-bg, transparent);
  --_surface: var(--abona-color-surface, #121a2b);
  --_surface-muted: var(--abona-color-surface-muted, #1a2336);
  --_border: var(--abona-color-border, #253049);
  --_focus: var(--abona-color-focus, #a5abff);
  --_shadow: var(--abona-shadow, 0 1px 2px rgb(0 0 0 / 0.3), 0 12px 32px -16px rgb(0 0 0 / 0.6));
  --_shadow-raised: var(--abona-shadow-raised, 0 0 0 1px rgb(139 147 255 / 0.25), 0 24px 64px -24px rgb(139 147 255 / 0.45));
  --_skeleton: #1e2940;
  --_skeleton-shine: #27344f;
  color-scheme: dark;
`;

/**
 * Tokens for a top-level element, without the status colours. Light values sit on `:host`; the
 * element's root wrapper (`.abona-root`) switches to the dark palette with `theme-dark`, or with
 * `theme-auto` when the system prefers dark, so the theme can come from an attribute or from
 * `configure()`. The pricing table starts with these alone and adopts {@link statusTokenStyles}
 * with its lazy parts (the saving hint, the error panel), the only ones of it that read them.
 */
export const coreTokenStyles = css`
  :host {
    ${light}
    --_radius: var(--abona-radius, 14px);
    --_radius-small: calc(var(--_radius) * 0.6);
    --_font: var(--abona-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--abona-font-size, 1rem);
    --_space: calc(var(--abona-spacing, 1rem) * var(--abona-density, 1));
    --_transition: 160ms cubic-bezier(0.2, 0, 0, 1);
  }
  .theme-dark {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .theme-auto {
      ${dark}
    }
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

/** Base styles every shadow root includes: box model, focus rings, reduced motion, helpers. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
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

/** Buttons shared by all elements: primary, secondary and quiet, with `::part`-friendly classes. */
export const buttonStyles = css`
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
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
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
  .button.quiet {
    background: transparent;
    color: var(--_primary);
    min-height: auto;
    padding: 0.25rem 0;
    font-weight: 500;
  }
`;
