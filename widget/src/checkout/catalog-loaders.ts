import type { CatalogLoaders } from '../i18n/lazy-catalogs.js';
import type { CheckoutMessageKey } from './messages.js';

/**
 * The checkout's copy in each language but English, one chunk per language. Apart from
 * messages.ts (which carries English, inside the view chunk) so that `<abona-checkout>` can ask
 * for the customer's language while its view chunk is still on the way: the view's own load of
 * that language then finds it in the module cache.
 */
export const checkoutCatalogLoaders: CatalogLoaders<CheckoutMessageKey> = {
  ro: () => import('./locales/ro.js').then((m) => m.checkoutRo),
  de: () => import('./locales/de.js').then((m) => m.checkoutDe),
  fr: () => import('./locales/fr.js').then((m) => m.checkoutFr),
  es: () => import('./locales/es.js').then((m) => m.checkoutEs),
};
