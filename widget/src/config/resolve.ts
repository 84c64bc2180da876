import type { AbonaConfig, Theme } from './config.js';
import { keyKind, type KeyKind, type KeySource } from './key.js';

/** What an element sets on itself; each overrides the page-wide configuration. */
export interface ElementSettings {
  publishableKey?: string | undefined;
  apiBase?: string | undefined;
  locale?: string | undefined;
  theme?: Theme | undefined;
}

/** The settings an element actually runs with, and whether they are usable. */
export interface ResolvedSettings {
  publishableKey: string;
  apiBase: string;
  locale: string;
  theme: Theme;
  keyKind: KeyKind;
  /** The attribute or option a developer must fix when the key is wrong. */
  keySource: KeySource;
}

/**
 * Merges element attributes over `configure()`/script-tag settings and the page defaults.
 * The locale falls back to `<html lang>`, then the browser's language, then English.
 */
export function resolveSettings(element: ElementSettings, config: AbonaConfig, doc: Document = document): ResolvedSettings {
  const fromElement = element.publishableKey !== undefined && element.publishableKey !== null;
  const publishableKey = (fromElement ? element.publishableKey : config.publishableKey) ?? '';
  const keySource: KeySource = fromElement ? 'attribute' : (config.source ?? 'attribute');
  return {
    publishableKey,
    apiBase: (element.apiBase ?? config.apiBase ?? doc.location.origin).replace(/\/+$/, ''),
    locale: element.locale ?? config.locale ?? (doc.documentElement.lang || undefined) ?? navigator.language ?? 'en',
    theme: element.theme ?? config.theme ?? 'light',
    keyKind: keyKind(publishableKey),
    keySource,
  };
}
