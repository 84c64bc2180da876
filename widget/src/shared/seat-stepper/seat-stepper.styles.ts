import { css } from 'lit';

export const seatStepperStyles = css`
  :host {
    display: block;
  }
  .stepper {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .label {
    font-size: 0.875rem;
    font-weight: 500;
    color: var(--_text-muted);
  }
  .control {
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    overflow: hidden;
  }
  button {
    display: grid;
    place-items: center;
    width: 2.5rem;
    min-height: 2.5rem;
    border: 0;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
    transition: background-color var(--_transition);
  }
  button:hover:not([aria-disabled='true']) {
    background: var(--_surface-muted);
  }
  button[aria-disabled='true'] {
    color: var(--_text-muted);
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline-offset: -2px;
  }
  svg {
    width: 1rem;
    height: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
  }
  input {
    width: 3.5rem;
    border: 0;
    border-inline: 1px solid var(--_border);
    background: transparent;
    text-align: center;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    -moz-appearance: textfield;
    appearance: textfield;
  }
  input::-webkit-outer-spin-button,
  input::-webkit-inner-spin-button {
    -webkit-appearance: none;
    margin: 0;
  }
`;
