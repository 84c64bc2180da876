/**
 * Abona's web components. Importing this module registers every element and reads the settings
 * of the script tag that loaded it (`data-publishable-key`, `data-api-base`, `data-locale`).
 *
 * @example
 * <script src="https://billing.example.com/widget/abona.iife.js" data-publishable-key="pk_live_…"></script>
 * <abona-pricing-table></abona-pricing-table>
 */
import { $config } from './config/config.js';
import { applyScriptConfig } from './config/script-config.js';

applyScriptConfig($config);

export { configure, $config, type AbonaConfig, type Theme } from './config/config.js';
export { PricingTable, type CtaMode } from './pricing/pricing-table.js';
export type * from './pricing/pricing-response.js';
export { Checkout, type CheckoutMethod } from './checkout/checkout.js';
export { WalletButton } from './wallet/wallet-button.js';
export { Portal, type PortalFlow } from './portal/portal.js';
export * from './events/index.js';
export { AbonaApiError, type ApiErrorKind } from './api/api-error.js';
export { supportedLocales, type Locale } from './i18n/locale.js';
