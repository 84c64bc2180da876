import type { Catalog } from '../../translate.js';
import type { CommonKey } from './en.js';

/** French: strings every element uses: loading, errors, included / not included, steppers. */
export const commonFr: Catalog<CommonKey> = {
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.close': 'Fermer',
  'common.included': 'Inclus',
  'common.notIncluded': 'Non inclus',
  'common.error.title': 'Un problème est survenu',
  'common.error.network': 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'common.error.server': 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  'common.error.configuration': "Ce contenu ne peut pas s'afficher car la page n'est pas configurée correctement. Si vous gérez ce site, consultez la console du navigateur.",
  'common.stepper.decrease': 'En retirer un',
  'common.stepper.increase': 'En ajouter un',
  'common.stepper.limits': { one: 'De {min} à {max}', other: 'De {min} à {max}' },
};
