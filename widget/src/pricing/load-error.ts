/*
 * The panel a table shows when its prices could not be loaded. Part of the extras chunk, which a
 * failed load fetches; a table that loads fine never downloads it.
 */
import type { TemplateResult } from 'lit';
import type { AbonaApiError } from '../api/api-error.js';
import type { Translate } from '../i18n/translate.js';
import { errorState } from '../shared/error-state.js';
import type { PricingMessageKey } from './messages.js';

/** What went wrong in plain words, with "Try again" unless the page itself is set up wrong. */
export function renderLoadError(error: AbonaApiError, t: Translate<PricingMessageKey>, onRetry: () => void): TemplateResult {
  const message = error.kind === 'configuration' ? t('common.error.configuration') : error.kind === 'network' ? t('common.error.network') : t('common.error.server');
  return errorState({
    title: t('common.error.title'),
    message,
    ...(error.kind === 'configuration' ? {} : { retryLabel: t('common.retry'), onRetry }),
  });
}
