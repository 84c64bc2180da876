import { css } from 'lit';

/**
 * The look of renderSegments()' radio group (segments.ts), in whichever shadow root renders it: the
 * element's own, or the pricing table's (no other radios there).
 */
export const segmentStyles = css`
  [role='radiogroup'] {
    display: inline-flex;
    gap: 0.25rem;
    padding: 0.25rem;
    border-radius: 999px;
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
  }
  [role='radio'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.375rem 1.125rem;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_text-muted);
    font-weight: 600;
    font-size: 0.9375rem;
    cursor: pointer;
    transition:
      background-color var(--_transition),
      color var(--_transition),
      box-shadow var(--_transition);
  }
  [role='radio']:hover {
    color: var(--_text);
  }
  [role='radio'][aria-checked='true'] {
    background: var(--_surface);
    color: var(--_text);
    box-shadow:
      0 1px 2px rgb(15 23 42 / 0.08),
      0 1px 6px -2px rgb(15 23 42 / 0.12);
  }
  .hint {
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_success) 12%, transparent);
    color: var(--_success-text);
    font-size: 0.75rem;
    font-weight: 700;
    white-space: nowrap;
  }
`;

/** <abona-segmented-control>'s own styles; an element rendering the group itself wraps it in an inline-block, as this host is. */
export const segmentedControlStyles = [
  css`
    :host {
      display: inline-block;
    }
  `,
  segmentStyles,
];
