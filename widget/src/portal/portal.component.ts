import { adoptStyles, css, html, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AbonaApiError } from '../api/api-error.js';
import { AbonaElement } from '../base/abona-element.js';
import { reportElementError } from '../base/report-error.js';
import type { ResolvedSettings } from '../config/resolve.js';
import { errorState, errorStateStyles } from '../shared/error-state.js';
import { skeletonBlock, skeletonStyles } from '../shared/skeleton.js';
import { baseStyles, buttonStyles, tokenStyles } from '../theme/tokens.styles.js';
import type { PortalHost, PortalView } from './portal-host.js';
import type { PortalFlow } from './portal-types.js';

/**
 * @summary The customer portal: subscriptions with their status and next invoice, plan and seat
 * changes with the exact proration lines, cancel (with a reason and a retention offer) and
 * uncancel, pause and resume, payment methods, billing details, invoices and usage.
 *
 * Signs in with a portal session that the vendor's backend mints with its secret key
 * (`POST /v1/portal_sessions`): either its one-time `code` in `session`, or a `session-endpoint`
 * that answers `{ code }`. The customer's token stays in memory only. The views are a chunk of
 * their own, fetched when the element first connects, so pages without a portal never load them.
 *
 * @event abona-subscription-changed - A plan, seats, pause, resume or undo was applied.
 * @event abona-subscription-canceled - The customer canceled a subscription.
 * @event abona-before-plan-change - Before a plan or seat change is confirmed. Cancelable.
 * @event abona-error - A request failed (configuration, network, server).
 *
 * @csspart base - The wrapper of the whole portal.
 * @csspart nav - The tab list.
 * @csspart subscription - Each subscription card.
 * @csspart status-pill - Each status label.
 * @csspart banner - The past-due banner.
 * @csspart review - The review step of a change.
 * @csspart error - An error panel.
 * @csspart retry-button - Its "Try again" button.
 *
 * @cssproperty --abona-color-primary - Accent: buttons, links, active tab.
 * @cssproperty --abona-color-surface - Card background.
 * @cssproperty --abona-color-border - Borders and dividers.
 * @cssproperty --abona-color-danger - Errors, destructive actions.
 * @cssproperty --abona-color-warning - The past-due banner.
 * @cssproperty --abona-radius - Card corner radius. Default 14px.
 * @cssproperty --abona-font-family - Font stack.
 * @cssproperty --abona-spacing - Base spacing unit. Default 1rem.
 */
export class Portal extends AbonaElement implements PortalHost {
  static override styles: CSSResultGroup = [
    tokenStyles,
    baseStyles,
    buttonStyles,
    errorStateStyles,
    skeletonStyles,
    css`
      :host {
        display: block;
      }
      .shell {
        display: grid;
        gap: calc(var(--_space) * 0.75);
        max-width: 48rem;
      }
      .sk-line {
        height: 1rem;
        width: 60%;
      }
      .sk-card {
        height: 9rem;
      }
    `,
  ];

  private view: PortalView | undefined;
  private loading = false;

  @state() private chunkFailed = false;

  /** The one-time code of a portal session (from `POST /v1/portal_sessions`). Used once. */
  @property() session?: string;
  /** URL on your backend that answers a POST (with the visitor's cookies) with `{ "code": "…" }`; asked again when the token expires. */
  @property({ attribute: 'session-endpoint' }) sessionEndpoint?: string;
  /** Opens a focused flow: `cancel`, `change-plan` or `update-payment-method`. Defaults to the session's flow, else the overview. */
  @property() flow?: PortalFlow;

  /** The settings this element runs with. */
  get portalSettings(): ResolvedSettings {
    return this.settings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadViews();
  }

  /** Reports an error to the page (event and, for configuration errors, the console). */
  report(error: AbonaApiError | undefined): void {
    reportElementError(this, error);
  }

  private async loadViews(): Promise<void> {
    if (this.view || this.loading) return;
    this.loading = true;
    this.chunkFailed = false;
    try {
      const { mountPortal, portalStyles } = await import('./portal-app.js');
      // The views' styles join the shell's once their chunk is here (constructable sheets: CSP-safe).
      adoptStyles(this.renderRoot as ShadowRoot, [...Portal.elementStyles, ...portalStyles]);
      this.view = mountPortal(this);
      this.requestUpdate();
    } catch {
      this.chunkFailed = true;
    } finally {
      this.loading = false;
    }
  }

  override render() {
    const theme = this.settings.theme;
    if (this.view) return this.view.render();
    // Until the views arrive there is no translated copy: a skeleton, or an English error.
    return html`<section class="${this.themeClass(theme)} shell" part="base" aria-busy=${this.chunkFailed ? 'false' : 'true'}>
      ${this.chunkFailed
        ? errorState({ title: 'Something went wrong', message: "We couldn't load the billing portal. Check your connection and try again.", retryLabel: 'Try again', onRetry: () => void this.loadViews() })
        : html`<div role="status"><span class="visually-hidden">Loading…</span>${skeletonBlock('sk-line')}${skeletonBlock('sk-card')}</div>`}
    </section>`;
  }
}
