import type { AbonaApiError } from './api-error.js';

const reported = new Set<string>();

/**
 * Logs a configuration problem for the site's developer once per page, however many elements
 * or retries hit it: the console should point at the one attribute to fix, not fill up.
 */
export function reportConfigurationError(error: AbonaApiError): void {
  if (error.kind !== 'configuration' || reported.has(error.message)) return;
  reported.add(error.message);
  console.error(error.message);
}

/** Forgets what was logged; for tests only. */
export function resetReportedErrors(): void {
  reported.clear();
}
