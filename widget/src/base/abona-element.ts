import { LitElement, type PropertyDeclarations } from 'lit';
import { $config, type Theme } from '../config/config.js';
import { resolveSettings, type ResolvedSettings } from '../config/resolve.js';
import { StoreController } from '../state/store-controller.js';

/**
 * What every Abona element shares: the key, API base, locale and theme attributes (each
 * overriding `configure()` and the script tag). Not registered as a tag; elements report errors
 * with reportElementError() (report-error.ts).
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
}
