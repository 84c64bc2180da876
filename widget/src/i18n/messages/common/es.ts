import type { Catalog } from '../../translate.js';
import type { CommonKey } from './en.js';

/** Spanish: strings every element uses: loading, errors, included / not included, steppers. */
export const commonEs: Catalog<CommonKey> = {
  'common.loading': 'Cargando…',
  'common.retry': 'Reintentar',
  'common.close': 'Cerrar',
  'common.included': 'Incluido',
  'common.notIncluded': 'No incluido',
  'common.error.title': 'Algo salió mal',
  'common.error.network': 'No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  'common.error.server': 'Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.',
  'common.error.configuration': 'No se puede mostrar porque la página no está bien configurada. Si gestionas este sitio, revisa la consola del navegador.',
  'common.stepper.decrease': 'Quitar uno',
  'common.stepper.increase': 'Añadir uno',
  'common.stepper.limits': { one: 'De {min} a {max}', other: 'De {min} a {max}' },
};
