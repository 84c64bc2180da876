import type { Message } from '../../translate.js';

/**
 * "Included" / "Not included" of feature lists: the only common strings a pricing table's first
 * render needs, in a module of their own so that bundle carries no other common copy.
 */
export const commonFeatureEn = {
  'common.included': 'Included',
  'common.notIncluded': 'Not included',
} satisfies Record<string, Message>;
