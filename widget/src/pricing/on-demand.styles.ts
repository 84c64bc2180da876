import { css } from 'lit';

/**
 * Styles of what only some tables show, adopted with the extras chunk: the interval switch's
 * wrapper (its radio group's look is segmentStyles), the currency menu, seat
 * prices (stepper, total), "from" before a tiered amount, usage lines and the portal's current
 * plan. Adopted after the table's own styles, so these rules come later in the cascade.
 */
export const onDemandStyles = css`
  .segments {
    display: inline-block;
  }
  .currency select {
    min-height: 2.75rem;
    padding: 0 2.25rem 0 1rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-muted)
      url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M4 6l4 4 4-4' fill='none' stroke='%2394a3b8' stroke-width='1.75' stroke-linecap='round'/%3E%3C/svg%3E")
      no-repeat right 0.875rem center / 0.875rem;
    font-weight: 600;
    font-size: 0.9375rem;
    cursor: pointer;
    appearance: none;
  }
  .from {
    color: var(--_text-muted);
    font-size: 0.9375rem;
    font-weight: 500;
  }
  .total,
  .usage {
    margin: 0.5rem 0 0;
    color: var(--_text);
    font-size: 0.875rem;
  }
  .total {
    font-weight: 600;
  }
  .seats {
    margin-top: calc(var(--_space) * 0.875);
  }
  .cta.current {
    cursor: default;
    color: var(--_text-muted);
    background: var(--_surface-muted);
  }
`;
