import { commonDe } from '../../i18n/messages/common/de.js';
import { flowDe } from '../../i18n/messages/flow/de.js';
import { portalDe } from '../../i18n/messages/portal/de.js';
import type { Catalog } from '../../i18n/translate.js';
import type { PortalMessageKey } from '../messages.js';

/** The portal's copy in one language: its own chunk, loaded when a portal renders in it. */
export const portalCatalogDe: Catalog<PortalMessageKey> = { ...commonDe, ...flowDe, ...portalDe };
