import type { Message } from '../../translate.js';
import { commonFeatureEn } from './en-features.js';

/** Strings every element uses: loading, errors, included / not included, steppers. English, the source of the keys. */
export const commonEn = {
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',
  ...commonFeatureEn,
  'common.error.title': 'Something went wrong',
  'common.error.network': "We couldn't reach the server. Check your connection and try again.",
  'common.error.server': 'Something went wrong on our side. Try again in a moment.',
  'common.error.configuration': "This can't be shown because the page isn't set up correctly. If you run this site, check the browser console.",
  'common.stepper.decrease': 'Remove one',
  'common.stepper.increase': 'Add one',
  'common.stepper.limits': { one: 'From {min} to {max}', other: 'From {min} to {max}' },
} satisfies Record<string, Message>;

/** A key of the common strings. */
export type CommonKey = keyof typeof commonEn;
