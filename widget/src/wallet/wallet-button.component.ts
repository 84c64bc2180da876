import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { AbonaApiError } from '../api/api-error.js';
import { AbonaElement } from '../base/abona-element.js';
import { reportElementError } from '../base/report-error.js';
import { isTestKey } from '../config/key.js';
import type { ResolvedSettings } from '../config/resolve.js';
import { walletButtonStyles } from './wallet-button.styles.js';

/**
 * @summary Apple Pay / Google Pay in one step: creates a checkout session for `price` with the
 * wallet's email and the buyer's country, and confirms it with the wallet's token. Renders nothing
 * where no wallet is available (today: live mode, until a gateway's wallet is wired). In test mode
 * the sandbox simulates the wallet and its sheet.
 *
 * @event abona-before-checkout - The wallet sheet was approved; cancelable.
 * @event abona-checkout-completed - The purchase went through. Fires once.
 * @event abona-checkout-failed - The wallet payment was declined.
 * @event abona-error - The session could not be created.
 *
 * @csspart button - The wallet button.
 * @csspart message - The result or error line under it.
 *
 * @cssproperty --abona-radius - Corner radius of the button.
 * @cssproperty --abona-font-family - Font stack.
 */
export class WalletButton extends AbonaElement {
  static override styles = walletButtonStyles;

  /** The test-mode view (simulated wallet, sheet, purchase): its own chunk, loaded with a test key only. */
  private view: import('./wallet-button-view.js').WalletButtonView | undefined;
  private loading = false;

  /** The price to buy, optionally `price_id:quantity`. */
  @property() price = '';
  /** ISO 3166-1 alpha-2 country for tax; defaults to the locale's. */
  @property() country?: string;
  /** The buyer's email, prefilled in the sheet. */
  @property() email?: string;
  /** Where the page goes after the purchase. */
  @property({ attribute: 'success-url' }) successUrl?: string;

  override willUpdate(): void {
    if (this.view || this.loading || !isTestKey(this.settings.publishableKey)) return;
    this.loading = true;
    void import('./wallet-button-view.js').then((module) => {
      this.view = new module.WalletButtonView(this);
      this.requestUpdate();
    });
  }

  /** @internal The settings the view runs with. */
  resolved(): ResolvedSettings {
    return this.settings;
  }

  /** @internal Reports a failed request as every element does. */
  report(error: AbonaApiError | undefined): void {
    reportElementError(this, error);
  }

  /** @internal The theme wrapper's class. */
  themeClassOf(settings: ResolvedSettings): string {
    return this.themeClass(settings.theme);
  }

  override render() {
    // No wallet, no button: the page's other ways to pay stay in place.
    return this.price && this.view ? this.view.render() : nothing;
  }
}
