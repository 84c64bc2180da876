import { css, html, type TemplateResult } from 'lit';

/** Colour families of a status pill: Active/Paid, Trial/Open, Past due/Uncollectible, Canceled/Void. */
export type PillTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

/** A small rounded label for a status ("Active", "Trial until 3 Dec", "Past due"). */
export function statusPill(label: string, tone: PillTone): TemplateResult {
  return html`<span class="pill pill-${tone}" part="status-pill">${label}</span>`;
}

/** Styles for {@link statusPill}. */
export const statusPillStyles = css`
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    border: 1px solid currentColor;
    border-color: color-mix(in srgb, currentColor 25%, transparent);
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .pill::before {
    content: '';
    width: 0.4375rem;
    height: 0.4375rem;
    border-radius: 50%;
    background: currentColor;
  }
  .pill-success {
    color: var(--_success);
  }
  .pill-info {
    color: var(--_primary);
  }
  .pill-warning {
    color: var(--_warning);
  }
  .pill-danger {
    color: var(--_danger);
  }
  .pill-neutral {
    color: var(--_text-muted);
  }
`;
