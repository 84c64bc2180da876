import type { Catalog } from '../../translate.js';
import type { FlowKey } from './en.js';

/** Romanian: strings of the multi-step elements (checkout, portal): navigation, saving, test mode, sessions. */
export const flowRo: Catalog<FlowKey> = {
  'flow.back': 'Înapoi',
  'flow.continue': 'Continuă',
  'flow.cancel': 'Renunță',
  'flow.save': 'Salvează',
  'flow.saved': 'Salvat',
  'flow.confirm': 'Confirmă',
  'flow.processing': 'Se procesează…',
  'flow.optional': 'opțional',
  'flow.testMode': 'Mod de test',
  'flow.error.sessionExpired': 'Sesiunea ta a expirat. Deschide din nou această pagină din contul tău.',
};
