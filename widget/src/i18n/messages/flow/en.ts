import type { Message } from '../../translate.js';

/** Strings of the multi-step elements (checkout, portal): navigation, saving, test mode, sessions. English, the source of the keys. */
export const flowEn = {
  'flow.back': 'Back',
  'flow.continue': 'Continue',
  'flow.cancel': 'Cancel',
  'flow.save': 'Save',
  'flow.saved': 'Saved',
  'flow.confirm': 'Confirm',
  'flow.processing': 'Processing…',
  'flow.optional': 'optional',
  'flow.testMode': 'Test mode',
  'flow.error.sessionExpired': 'Your session has expired. Open this page again from your account.',
} satisfies Record<string, Message>;

/** A key of the flow strings. */
export type FlowKey = keyof typeof flowEn;
