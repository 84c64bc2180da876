import { commonFr } from '../../i18n/messages/common/fr.js';
import { flowFr } from '../../i18n/messages/flow/fr.js';
import { portalFr } from '../../i18n/messages/portal/fr.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PortalMessageKey } from '../messages.js';

/** The portal's copy in one language: its own chunk, loaded when a portal renders in it. */
export const portalCatalogFr: Catalog<PortalMessageKey> = { ...commonFr, ...flowFr, ...portalFr };
