import type { Catalog } from '../../translate.js';
import type { FlowKey } from './en.js';

/** French: strings of the multi-step elements (checkout, portal): navigation, saving, test mode, sessions. */
export const flowFr: Catalog<FlowKey> = {
  'flow.back': 'Retour',
  'flow.continue': 'Continuer',
  'flow.cancel': 'Annuler',
  'flow.save': 'Enregistrer',
  'flow.saved': 'Enregistré',
  'flow.confirm': 'Confirmer',
  'flow.processing': 'Traitement en cours…',
  'flow.optional': 'facultatif',
  'flow.testMode': 'Mode test',
  'flow.error.sessionExpired': 'Votre session a expiré. Rouvrez cette page depuis votre compte.',
};
