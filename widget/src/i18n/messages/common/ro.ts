import type { Catalog } from '../../translate.js';
import type { CommonKey } from './en.js';

/** Romanian: strings every element uses: loading, errors, included / not included, steppers. */
export const commonRo: Catalog<CommonKey> = {
  'common.loading': 'Se încarcă…',
  'common.retry': 'Încearcă din nou',
  'common.close': 'Închide',
  'common.included': 'Inclus',
  'common.notIncluded': 'Nu este inclus',
  'common.error.title': 'Ceva nu a mers bine',
  'common.error.network': 'Nu am putut contacta serverul. Verifică-ți conexiunea și încearcă din nou.',
  'common.error.server': 'A apărut o problemă la noi. Încearcă din nou în câteva momente.',
  'common.error.configuration': 'Conținutul nu poate fi afișat deoarece pagina nu este configurată corect. Dacă administrezi acest site, verifică consola browserului.',
  'common.stepper.decrease': 'Scade cu unu',
  'common.stepper.increase': 'Crește cu unu',
  'common.stepper.limits': { one: 'Între {min} și {max}', other: 'Între {min} și {max}' },
};
