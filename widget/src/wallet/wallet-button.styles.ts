import { css } from 'lit';
import { baseStyles, buttonStyles, tokenStyles } from '../theme/tokens.styles.js';
import { walletSheetStyles } from './wallet-sheet.styles.js';

const own = css`
  :host {
    display: block;
  }
  .wallet {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    width: 100%;
    min-height: 2.875rem;
    border: 0;
    border-radius: var(--_radius-small);
    font-weight: 600;
    cursor: pointer;
  }
  .wallet:disabled {
    opacity: 0.7;
    cursor: default;
  }
  .wallet svg {
    width: 1.25rem;
    height: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
  }
  .message {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
    color: var(--_text-muted);
  }
  .message:empty {
    display: none;
  }
  .message.problem {
    color: var(--_danger);
  }
  .sheet-field input {
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
  }
`;

export const walletButtonStyles = [tokenStyles, baseStyles, buttonStyles, walletSheetStyles, own];
