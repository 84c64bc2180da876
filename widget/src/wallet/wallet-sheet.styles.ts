import { css } from 'lit';

/** Styles of the simulated wallet sheet and the black wallet buttons, shared by the checkout and the wallet button. */
export const walletSheetStyles = css`
  .sheet,
  .actions {
    display: grid;
    gap: 0.625rem;
  }
  .sheet-note {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.875rem;
  }
  .sheet-total {
    display: flex;
    justify-content: space-between;
    margin: 0;
    font-size: 1.125rem;
  }
  .sheet-field {
    display: grid;
    gap: 0.3rem;
    font-size: 0.875rem;
    font-weight: 550;
  }
  .button.wallet-pay,
  .button.wallet-submit,
  .wallet {
    background: #000;
    color: #fff;
  }
  .theme-dark .button.wallet-pay,
  .theme-dark .button.wallet-submit,
  .theme-dark .wallet {
    background: #fff;
    color: #000;
  }
`;
