import { css } from 'lit';

/** The portal views' layout: tabs, cards, steps, tables, forms. Tokens come from the shell. */
export const portalViewStyles = css`
  .portal {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    max-width: 48rem;
    position: relative;
    padding: calc(var(--_space) * 1.25);
    border-radius: var(--_radius);
  }
  /* Dark text needs a dark page: the portal brings its own unless the page sets --abona-color-bg. */
  .portal.theme-dark {
    background: var(--abona-color-bg, #0b1020);
  }
  @media (prefers-color-scheme: dark) {
    .portal.theme-auto {
      background: var(--abona-color-bg, #0b1020);
    }
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    overflow-x: auto;
    scrollbar-width: thin;
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    appearance: none;
    border: 0;
    background: none;
    padding: 0.625rem 0.875rem;
    margin-bottom: -1px;
    border-bottom: 2px solid transparent;
    color: var(--_text-muted);
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
  }
  .tab:hover {
    color: var(--_text);
  }
  .tab[aria-current='page'] {
    color: var(--_primary);
    border-bottom-color: var(--_primary);
  }
  .panel {
    display: grid;
    gap: var(--_space);
  }
  .heading {
    margin: 0;
    font-size: 1.25rem;
    letter-spacing: -0.01em;
  }
  /* Headings take focus only to move the reading position between steps; they are not controls. */
  [data-focus]:focus,
  [data-focus]:focus-visible {
    outline: none;
  }
  .card {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.25);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .plan {
    margin: 0;
    font-size: 1.125rem;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.5rem 1rem;
    margin: 0;
  }
  .facts dt {
    color: var(--_text-muted);
    font-size: 0.8125rem;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .next {
    margin: 0;
    font-weight: 600;
  }
  td.row-actions {
    text-align: right;
  }
  .actions,
  span.row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .button.danger {
    color: var(--_danger);
  }
  .button.primary.danger,
  .button.danger:not(.quiet):not(.secondary) {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  .banner,
  .note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    padding: 0.875rem 1rem;
    border-radius: var(--_radius-small);
    border: 1px solid color-mix(in srgb, var(--_warning) 35%, transparent);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
  }
  .banner {
    border-color: color-mix(in srgb, var(--_danger) 40%, transparent);
    background: color-mix(in srgb, var(--_danger) 9%, var(--_surface));
  }
  .banner p,
  .note p,
  .lead,
  .then,
  .empty {
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  .small {
    font-size: 0.875rem;
    margin: 0;
  }
  .step {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .step > * {
    max-width: 100%;
  }
  .step abona-pricing-table {
    justify-self: stretch;
  }
  .back {
    padding-left: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .lines {
    max-width: 32rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.625rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    font-weight: 400;
  }
  .lines td,
  .num {
    text-align: right;
    white-space: nowrap;
  }
  thead th {
    color: var(--_text-muted);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .total th,
  .total td {
    font-weight: 700;
    border-bottom: 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
  }
  .pm-label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .field {
    display: grid;
    gap: 0.375rem;
    width: 100%;
    max-width: 32rem;
  }
  .field > span:first-child {
    font-weight: 600;
    font-size: 0.9375rem;
  }
  .field-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: 0.75rem;
    width: 100%;
    max-width: 32rem;
  }
  .tax-id {
    grid-template-columns: 8rem 1fr;
  }
  input,
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input[type='radio'] {
    width: auto;
    min-height: 0;
    accent-color: var(--_primary);
  }
  fieldset {
    display: grid;
    gap: 0.625rem;
    margin: 0;
    padding: 0;
    border: 0;
    width: 100%;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5rem;
    padding: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    padding: 0.625rem 0.875rem;
    max-width: 32rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_primary-soft);
  }
  .field-error {
    margin: 0;
    min-height: 0;
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .field-error:empty {
    display: none;
  }
  .test-badge {
    justify-self: start;
    margin: 0;
    padding: 0.125rem 0.5rem;
    border-radius: var(--_radius-small);
    background: color-mix(in srgb, var(--_warning) 14%, transparent);
    /* Toward the text colour, so the small label keeps 4.5:1 on its tint in light and dark. */
    color: color-mix(in srgb, var(--_warning) 55%, var(--_text));
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .card-form h3 {
    margin: 0;
  }
  .bar {
    height: 0.5rem;
    border-radius: 999px;
    background: var(--_surface-muted);
    overflow: hidden;
  }
  .fill {
    display: block;
    height: 100%;
    width: calc(var(--ratio, 0) * 100%);
    background: var(--_primary);
  }
  .meter p {
    margin: 0;
  }
  .loading {
    display: grid;
    gap: 0.75rem;
  }
  .sk-line {
    height: 1rem;
    width: 60%;
  }
  .sk-card {
    height: 8rem;
  }
  .busy {
    position: absolute;
    inset: 0;
    cursor: progress;
  }
`;
