import { css } from 'lit';
import { coreBaseStyles, coreButtonStyles, coreTokenStyles } from '../theme/base.styles.js';
import { skeletonStyles } from '../shared/skeleton.js';

const layout = css`
  :host {
    display: block;
  }
  .abona-root {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.75);
    margin-bottom: calc(var(--_space) * 2);
  }
  /* Cards share row tracks (subgrid) so names, prices, buttons and each feature line up across
     plans, whatever their text length; cards wrap to fewer columns on narrow containers. */
  .grid {
    display: grid;
    padding-top: 0.75rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--abona-card-min-width, 16rem)), 1fr));
    column-gap: calc(var(--_space) * 1.25);
    row-gap: 0;
    align-items: stretch;
    transition: opacity var(--_transition);
  }
  .grid.refreshing .price {
    opacity: 0.55;
  }
  .card {
    position: relative;
    display: grid;
    grid-row: span var(--rows);
    grid-template-rows: subgrid;
    row-gap: 0;
    margin-bottom: calc(var(--_space) * 1.25);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .card.highlight {
    border: 2px solid var(--_primary);
    padding: calc(var(--_space) * 1.5 - 1px);
    box-shadow: var(--_shadow-raised);
  }
  .head {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25rem;
  }
  .card > * {
    min-width: 0;
  }
  /* The badge sits on the card's top edge so it never pushes the plan name out of line. */
  .badge {
    position: absolute;
    top: 0;
    left: calc(var(--_space) * 1.5 - 2px);
    transform: translateY(-50%);
    padding: 0.1875rem 0.75rem;
    box-shadow: 0 4px 12px -4px color-mix(in srgb, var(--_primary) 60%, transparent);
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .name {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  .description {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9375rem;
  }
  .price {
    padding-top: calc(var(--_space) * 1.25);
    transition: opacity var(--_transition);
  }
  .headline {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.375rem;
    margin: 0 0 0.25rem;
  }
  .amount {
    font-size: 2.75rem;
    font-weight: 700;
    line-height: 1.1;
    letter-spacing: -0.035em;
    font-variant-numeric: tabular-nums;
  }
  .amount.custom {
    font-size: 2rem;
    overflow-wrap: anywhere;
  }
  .per {
    color: var(--_text-muted);
    font-size: 0.9375rem;
    font-weight: 500;
  }
  .note {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  .action {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    padding: calc(var(--_space) * 1.25) 0;
  }
  .cta {
    width: 100%;
  }
  .features {
    display: grid;
    grid-row: span var(--features);
    grid-template-rows: subgrid;
    row-gap: 0;
    margin: 0;
    padding: calc(var(--_space) * 1.25) 0 0;
    border-top: 1px solid var(--_border);
    list-style: none;
  }
  .features li {
    display: flex;
    align-items: flex-start;
    gap: 0.625rem;
    padding: 0.3125rem 0;
    font-size: 0.9375rem;
  }
  .features strong {
    font-weight: 650;
  }
  .icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.0625rem;
    padding: 0.125rem;
    border-radius: 50%;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.25;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .included .icon {
    color: var(--_primary);
    background: var(--_primary-soft);
  }
  .excluded {
    color: var(--_text-muted);
  }
  .excluded .icon {
    stroke-width: 2;
  }
  .footer {
    padding-top: 0.5rem;
  }
  .social-proof {
    margin-top: calc(var(--_space) * 0.75);
    text-align: center;
    color: var(--_text-muted);
  }
  .empty {
    margin: 0;
    padding: calc(var(--_space) * 3) var(--_space);
    text-align: center;
    color: var(--_text-muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  /* Loading */
  .skeleton-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--abona-card-min-width, 16rem)), 1fr));
    gap: calc(var(--_space) * 1.25);
  }
  .skeleton-card {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    min-height: 24rem;
  }
  .sk-switch {
    width: 14rem;
    height: 2.75rem;
    border-radius: 999px;
  }
  .sk-title {
    width: 40%;
    height: 1.5rem;
  }
  .sk-text {
    width: 80%;
    height: 1rem;
  }
  .sk-price {
    width: 55%;
    height: 3rem;
    margin-top: 0.75rem;
  }
  .sk-button {
    height: 2.75rem;
    margin: 0.75rem 0 1rem;
  }
  .sk-line {
    width: 85%;
    height: 0.875rem;
  }
  .sk-line.short {
    width: 60%;
  }
  @container (max-width: 34rem) {
    .card {
      padding: calc(var(--_space) * 1.25);
    }
    .amount {
      font-size: 2.375rem;
    }
  }
`;

/**
 * What every table renders with. The status colours (read by the interval switch's saving hint
 * and the error panel), the base rules for fields, `hidden` and disabled or quiet buttons
 * (theme/state.styles.ts), the styles of seat, tier and usage prices, the currency menu, the
 * error panel and the portal's current plan come with the lazy extras chunk (extras.ts) and are
 * adopted when it arrives.
 */
export const pricingTableStyles = [coreTokenStyles, coreBaseStyles, coreButtonStyles, skeletonStyles, layout];
