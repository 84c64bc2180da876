import '../shared/dialog/dialog.js';
import { WalletButton } from './wallet-button.component.js';

export { WalletButton } from './wallet-button.component.js';

// Guarded: a page may load Abona twice (npm bundle and script tag); the first definition wins.
if (!customElements.get('abona-wallet-button')) customElements.define('abona-wallet-button', WalletButton);

declare global {
  interface HTMLElementTagNameMap {
    'abona-wallet-button': WalletButton;
  }
}
