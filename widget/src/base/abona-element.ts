import { LitElement, type PropertyDeclarations } from 'lit';
import { $config, type Theme } from '../config/config.js';
import { resolveSettings, type ResolvedSettings } from '../config/resolve.js';
import { StoreController } from '../state/store-controller.js';
import { AbonaErrorEvent } from '../events/error.js';
import type { AbonaApiError } from '../api/api-error.js';
import { reportConfigurationError } from '../api/report.js';

/**
 * What every Abona element shares: the key, API base, locale and theme attributes (each
 * overriding `configure()` and the script tag), and error reporting. Not registered as a tag.
 */
export class AbonaElement extends LitElement {
  // Declared without decorators: the decorator runtime would weigh on every element's first load.
  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    theme: {},
  };

  private readonly config = new StoreController(this, $config);
  private lastReportedError: AbonaApiError | undefined;

  /** Publishable key (`pk_test_…` / `pk_live_…`). Never a secret key. */
  publishableKey?: string;
  /** Base URL of the Abona server; defaults to the origin that served the script. */
  apiBase?: string;
  /** BCP 47 locale (`en`, `ro-RO`, `de`, `fr`, `es`); defaults to the page's language. */
  locale?: string;
  /** `light`, `dark`, or `auto` (follows the system). */
  theme?: Theme;

  /** The settings this element runs with now. */
  protected get settings(): ResolvedSettings {
    return resolveSettings(
      { publishableKey: this.publishableKey, apiBase: this.apiBase, locale: this.locale, theme: this.theme },
      this.config.value,
      this.ownerDocument,
    );
  }

  /** Class of the root wrapper that applies the theme palette. */
  protected themeClass(theme: Theme): string {
    return `abona-root theme-${theme}`;
  }

  /**
   * Tells the page about an error once per occurrence: an `abona-error` event, and for
   * configuration errors one console message naming the setting to fix.
   */
  protected reportError(error: AbonaApiError | undefined): void {
    if (!error || error === this.lastReportedError) return;
    this.lastReportedError = error;
    reportConfigurationError(error);
    const detail = { element: this.localName, kind: error.kind, code: error.code, message: error.message } as const;
    this.dispatchEvent(new AbonaErrorEvent(error.status === undefined ? detail : { ...detail, status: error.status }));
  }
}
