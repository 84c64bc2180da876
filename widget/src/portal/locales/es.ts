import { commonEs } from '../../i18n/messages/common/es.js';
import { flowEs } from '../../i18n/messages/flow/es.js';
import { portalEs } from '../../i18n/messages/portal/es.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PortalMessageKey } from '../messages.js';

/** The portal's copy in one language: its own chunk, loaded when a portal renders in it. */
export const portalCatalogEs: Catalog<PortalMessageKey> = { ...commonEs, ...flowEs, ...portalEs };
