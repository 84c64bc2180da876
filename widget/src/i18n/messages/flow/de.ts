import type { Catalog } from '../../translate.js';
import type { FlowKey } from './en.js';

/** German: strings of the multi-step elements (checkout, portal): navigation, saving, test mode, sessions. */
export const flowDe: Catalog<FlowKey> = {
  'flow.back': 'Zurück',
  'flow.continue': 'Weiter',
  'flow.cancel': 'Abbrechen',
  'flow.save': 'Speichern',
  'flow.saved': 'Gespeichert',
  'flow.confirm': 'Bestätigen',
  'flow.processing': 'Wird verarbeitet …',
  'flow.optional': 'optional',
  'flow.testMode': 'Testmodus',
  'flow.error.sessionExpired': 'Ihre Sitzung ist abgelaufen. Öffnen Sie diese Seite erneut über Ihr Konto.',
};
