import type { Catalog } from '../../translate.js';
import type { CommonKey } from './en.js';

/** German: strings every element uses: loading, errors, included / not included, steppers. */
export const commonDe: Catalog<CommonKey> = {
  'common.loading': 'Wird geladen …',
  'common.retry': 'Erneut versuchen',
  'common.close': 'Schließen',
  'common.included': 'Inklusive',
  'common.notIncluded': 'Nicht enthalten',
  'common.error.title': 'Etwas ist schiefgelaufen',
  'common.error.network': 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'common.error.server': 'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
  'common.error.configuration': 'Dieser Inhalt kann nicht angezeigt werden, weil die Seite nicht richtig eingerichtet ist. Wenn Sie diese Website betreiben, sehen Sie in der Browserkonsole nach.',
  'common.stepper.decrease': 'Einen weniger',
  'common.stepper.increase': 'Einen mehr',
  'common.stepper.limits': { one: 'Von {min} bis {max}', other: 'Von {min} bis {max}' },
};
