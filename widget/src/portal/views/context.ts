import type { Translate } from '../../i18n/translate.js';
import type { PortalMessageKey } from '../messages.js';
import type { PortalHost } from '../portal-host.js';
import type { ItemsChange, PortalOverview, PortalStore, PortalUi } from '../portal-store.js';
import type { PortalSubscription } from '../portal-types.js';

/** What every view renders from, and the actions that also tell the host page. */
export interface ViewContext {
  store: PortalStore;
  overview: PortalOverview;
  ui: PortalUi;
  t: Translate<PortalMessageKey>;
  /** Formatting locale (a valid BCP 47 tag). */
  locale: string;
  host: PortalHost;
  actions: PortalActions;
}

/** Actions that fire DOM events on the host besides calling the server. */
export interface PortalActions {
  confirmChange(sub: PortalSubscription, items: ItemsChange): Promise<void>;
  finishThreeDs(sub: PortalSubscription, items: ItemsChange, actionId: string, outcome: 'complete' | 'fail'): Promise<void>;
  undoScheduledChange(sub: PortalSubscription): Promise<void>;
  cancel(sub: PortalSubscription, atPeriodEnd: boolean, reason: string | undefined, comment: string): Promise<void>;
  uncancel(sub: PortalSubscription): Promise<void>;
  acceptOffer(sub: PortalSubscription): Promise<void>;
  pause(sub: PortalSubscription, resumesAt: string | undefined): Promise<void>;
  resume(sub: PortalSubscription): Promise<void>;
}
