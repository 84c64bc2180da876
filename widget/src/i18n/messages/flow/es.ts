import type { Catalog } from '../../translate.js';
import type { FlowKey } from './en.js';

/** Spanish: strings of the multi-step elements (checkout, portal): navigation, saving, test mode, sessions. */
export const flowEs: Catalog<FlowKey> = {
  'flow.back': 'Atrás',
  'flow.continue': 'Continuar',
  'flow.cancel': 'Cancelar',
  'flow.save': 'Guardar',
  'flow.saved': 'Guardado',
  'flow.confirm': 'Confirmar',
  'flow.processing': 'Procesando…',
  'flow.optional': 'opcional',
  'flow.testMode': 'Modo de prueba',
  'flow.error.sessionExpired': 'Tu sesión ha caducado. Vuelve a abrir esta página desde tu cuenta.',
};
