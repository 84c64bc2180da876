import { lazyCatalogs } from '../i18n/lazy-catalogs.js';
import { commonEn } from '../i18n/messages/common/en.js';
import { flowEn } from '../i18n/messages/flow/en.js';
import { portalEn } from '../i18n/messages/portal/en.js';

/** The portal's English strings: common, flow and its own. Part of the portal's views chunk. */
const portalCatalogEn = { ...commonEn, ...flowEn, ...portalEn };

/** A key of the portal's strings. */
export type PortalMessageKey = keyof typeof portalCatalogEn;

/** The portal's catalogs: English with the views, each other language its own chunk. */
export const portalMessages = lazyCatalogs<PortalMessageKey>(portalCatalogEn, {
  ro: () => import('./locales/ro.js').then((m) => m.portalCatalogRo),
  de: () => import('./locales/de.js').then((m) => m.portalCatalogDe),
  fr: () => import('./locales/fr.js').then((m) => m.portalCatalogFr),
  es: () => import('./locales/es.js').then((m) => m.portalCatalogEs),
});
