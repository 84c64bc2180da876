import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AbonaApiError } from '../api/api-error.js';
import type { ResolvedSettings } from '../config/resolve.js';
import type { PortalFlow } from './portal-types.js';

/** What the lazily loaded portal views read from `<abona-portal>`. */
export interface PortalHost extends ReactiveControllerHost, HTMLElement {
  readonly session?: string | undefined;
  readonly sessionEndpoint?: string | undefined;
  readonly flow?: PortalFlow | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The element's key, API base, locale and theme (attributes over `configure()`). */
  readonly portalSettings: ResolvedSettings;
  /** Tells the page about a failure: `abona-error`, and one console line for configuration errors. */
  report(error: AbonaApiError | undefined): void;
}

/** The portal's views, mounted on the host once their chunk has loaded. */
export interface PortalView {
  render(): TemplateResult;
}
