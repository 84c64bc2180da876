import type { AbonaApiError } from '../api/api-error.js';
import { reportConfigurationError } from '../api/report.js';
import { AbonaErrorEvent } from '../events/error.js';

/** The error each element last reported, so a re-render does not report it again. */
const lastReported = new WeakMap<Element, AbonaApiError>();

/**
 * Tells the page about an element's error once per occurrence: an `abona-error` event from
 * `element`, and for configuration errors one console message naming the setting to fix.
 * A function rather than a method of AbonaElement so that the pricing table, whose errors only
 * ever render with its lazy extras chunk, takes it (and the event class) from that chunk and
 * leaves it out of its first download.
 */
export function reportElementError(element: Element, error: AbonaApiError | undefined): void {
  if (!error || lastReported.get(element) === error) return;
  lastReported.set(element, error);
  reportConfigurationError(error);
  const detail = { element: element.localName, kind: error.kind, code: error.code, message: error.message } as const;
  element.dispatchEvent(new AbonaErrorEvent(error.status === undefined ? detail : { ...detail, status: error.status }));
}
