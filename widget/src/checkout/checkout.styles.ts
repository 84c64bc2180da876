import { css } from 'lit';
import { walletSheetStyles } from '../wallet/wallet-sheet.styles.js';

/*
 * Two columns (form left, summary right) when the element is wide, one column with the summary
 * folded into a bar when it is narrow. Container queries, not media queries: the same checkout
 * sits in a full page, under a pricing table or in a dialog.
 */
const layout = css`
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  @container (min-width: 46rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(17rem, 22rem);
      gap: calc(var(--_space) * 2.5);
      align-items: start;
    }
    .form {
      grid-row: 1;
      grid-column: 1;
    }
    .summary {
      grid-column: 2;
      position: sticky;
      top: var(--_space);
    }
    .summary-toggle {
      display: none !important;
    }
    .summary-body {
      display: block !important;
    }
  }
`;

const form = css`
  fieldset {
    display: grid;
    gap: calc(var(--_space) * 0.875);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  .field {
    display: grid;
    gap: 0.3rem;
    align-content: start;
  }
  label,
  .test-cards-title {
    font-size: 0.875rem;
    font-weight: 550;
  }
  input:not([type='checkbox']),
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
  }
  input:focus-visible,
  select:focus-visible {
    outline: none;
    border-color: var(--_focus);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_focus) 25%, transparent);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .message {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_danger);
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.625rem;
    width: fit-content;
    cursor: pointer;
    font-weight: 500;
  }
  .switch input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .business {
    display: grid;
    gap: calc(var(--_space) * 0.875);
    padding-left: 0.75rem;
    border-left: 2px solid var(--_primary-soft);
  }
  .section-title {
    margin: calc(var(--_space) * 0.5) 0 0;
    font-size: 1rem;
    font-weight: 650;
  }
  .methods {
    display: block;
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .note {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }
  .test-cards {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
  }
  .test-cards-title {
    margin-right: 0.25rem;
    color: var(--_text-muted);
  }
  .chip {
    display: inline-flex;
    gap: 0.375rem;
    padding: 0.25rem 0.625rem;
    border: 1px dashed color-mix(in srgb, var(--_warning) 55%, transparent);
    border-radius: 999px;
    background: color-mix(in srgb, var(--_warning) 8%, transparent);
    color: var(--_text);
    font-size: 0.8125rem;
    cursor: pointer;
  }
  .mono {
    font-variant-numeric: tabular-nums;
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  }
  .promo-row {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .promo-row .field {
    flex: 1;
  }
  .promo-row .button {
    margin-top: 1.6rem;
  }
  .promo-add {
    justify-self: start;
  }
  .promo-applied {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
    margin: 0;
    color: var(--_success-text);
    font-weight: 550;
  }
  .decline {
    margin: 0;
    padding: 0.75rem 0.875rem;
    border-radius: var(--_radius-small);
    border: 1px solid color-mix(in srgb, var(--_danger) 35%, transparent);
    background: color-mix(in srgb, var(--_danger) 8%, transparent);
    color: var(--_danger);
    font-weight: 550;
  }
  .decline-placeholder {
    display: contents;
  }
  .submit {
    width: 100%;
    min-height: 3rem;
    font-size: 1rem;
  }
  .spinner {
    width: 1rem;
    height: 1rem;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: abona-spin 0.7s linear infinite;
  }
  @keyframes abona-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

const summary = css`
  .summary {
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
  }
  .summary-toggle {
    display: flex;
    width: 100%;
    align-items: center;
    gap: 0.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 550;
    cursor: pointer;
  }
  .chevron {
    width: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
  }
  .open .chevron {
    transform: rotate(180deg);
  }
  .toggle-total {
    margin-left: auto;
    color: var(--_text);
    font-size: 1.125rem;
  }
  .summary:not(.open) .summary-body {
    display: none;
  }
  .summary.open .summary-body {
    margin-top: var(--_space);
  }
  .summary-title {
    margin: 0 0 0.75rem;
    font-size: 1rem;
    font-weight: 650;
  }
  .trial-chip {
    display: inline-block;
    margin: 0 0 0.75rem;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: var(--_primary-soft);
    color: var(--_primary);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .lines li {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: 1rem;
  }
  .totals div,
  .bank div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .totals dt,
  .bank dt {
    color: var(--_text-muted);
  }
  .totals dd,
  .bank dd,
  .line-amount {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .line-name {
    font-weight: 600;
  }
  .line-meta {
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  .totals {
    display: grid;
    gap: 0.5rem;
    margin: var(--_space) 0 0;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .totals.updating {
    opacity: 0.55;
  }
  .totals dd {
    white-space: nowrap;
  }
  .totals .discount dd {
    color: var(--_success-text);
  }
  .totals .total {
    margin-top: 0.25rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--_border);
    font-weight: 700;
    font-size: 1.125rem;
  }
  .totals .total dt {
    color: var(--_text);
  }
  .then {
    margin: 0.75rem 0 0;
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
`;

const states = css`
  .test-banner {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    margin: 0 0 calc(var(--_space) * 1.25);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius-small);
    border: 1px solid color-mix(in srgb, var(--_warning) 40%, transparent);
    background: color-mix(in srgb, var(--_warning) 10%, transparent);
    font-size: 0.875rem;
  }
  .badge {
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    background: var(--_warning);
    color: var(--_surface);
    font-weight: 700;
    font-size: 0.75rem;
    white-space: nowrap;
  }
  .done {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    max-width: 30rem;
    margin: 0 auto;
    padding: calc(var(--_space) * 2) var(--_space);
    text-align: center;
  }
  .done h2 {
    margin: 0.5rem 0 0;
    font-size: 1.375rem;
    letter-spacing: -0.01em;
  }
  .done p {
    margin: 0;
    color: var(--_text-muted);
  }
  .done h2:focus {
    outline: none;
  }
  .done .button {
    margin-top: var(--_space);
  }
  .check {
    width: 3.5rem;
    height: 3.5rem;
    fill: color-mix(in srgb, var(--_success) 12%, transparent);
    stroke: var(--_success);
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .bank {
    display: grid;
    gap: 0.5rem;
    width: 100%;
    margin: var(--_space) 0 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    text-align: left;
  }
  .bank dd {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-weight: 600;
  }
  .actions {
    margin-top: var(--_space);
  }
`;

/**
 * The view's styles: the form, the summary and the outcome panels. `<abona-checkout>` adopts
 * them after its own (checkout-shell.styles.ts: frame, skeleton, theme tokens) when the view
 * chunk loads.
 */
export const checkoutViewStyles = [walletSheetStyles, layout, form, summary, states];
