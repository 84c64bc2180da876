import { commonRo } from '../../i18n/messages/common/ro.js';
import { flowRo } from '../../i18n/messages/flow/ro.js';
import { portalRo } from '../../i18n/messages/portal/ro.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PortalMessageKey } from '../messages.js';

/** The portal's copy in one language: its own chunk, loaded when a portal renders in it. */
export const portalCatalogRo: Catalog<PortalMessageKey> = { ...commonRo, ...flowRo, ...portalRo };
