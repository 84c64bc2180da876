import { catalogLocale, type Locale } from './locale.js';
import type { Catalog, LoadedCatalogs } from './translate.js';

/**
 * One loader per language other than English, each a dynamic `import()` of that language's own
 * module, so a page downloads the copy of its language only.
 */
export type CatalogLoaders<K extends string> = Record<Exclude<Locale, 'en'>, () => Promise<Catalog<K>>>;

/** An element's catalogs: English at hand, the other languages fetched on first use. */
export interface LazyCatalogs<K extends string> {
  /** English plus every language loaded so far, for `createTranslator`. Filled in place. */
  readonly catalogs: LoadedCatalogs<K>;
  /**
   * True when copy for `localeTag` can be rendered now: English, a loaded language, or one whose
   * load failed (the element then speaks English rather than showing a skeleton forever).
   */
  ready(localeTag: string): boolean;
  /** Loads the language of `localeTag` once per page; concurrent callers share the request. */
  load(localeTag: string): Promise<void>;
}

/**
 * Wraps an element's English catalog and the loaders of its other languages.
 *
 * @example
 * const messages = lazyCatalogs(pricingTableEn, { ro: () => import('./locales/ro.js').then((m) => m.pricingTableRo), … });
 * if (!messages.ready(locale)) void messages.load(locale).then(() => this.requestUpdate());
 */
export function lazyCatalogs<K extends string>(en: Catalog<K>, loaders: CatalogLoaders<K>): LazyCatalogs<K> {
  const catalogs: LoadedCatalogs<K> = { en };
  const pending = new Map<Locale, Promise<void>>();
  const failed = new Set<Locale>();

  return {
    catalogs,
    ready(localeTag) {
      const language = catalogLocale(localeTag);
      return catalogs[language] !== undefined || failed.has(language);
    },
    load(localeTag) {
      const language = catalogLocale(localeTag);
      if (language === 'en' || catalogs[language] !== undefined) return Promise.resolve();
      let loading = pending.get(language);
      if (!loading) {
        loading = loaders[language]().then(
          (catalog) => {
            catalogs[language] = catalog;
          },
          () => {
            // A chunk that failed to download (offline CDN, CSP) leaves the element in English;
            // a later load() tries again.
            failed.add(language);
            pending.delete(language);
          },
        );
        pending.set(language, loading);
      }
      return loading;
    },
  };
}
