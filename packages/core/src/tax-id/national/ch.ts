import { digitAt, weightedSum } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4];

/**
 * Switzerland (and Liechtenstein), UID: 9 digits after "CHE"; check = (11 − S mod 11) mod 11
 * with S = Σ (5,4,3,2,7,6,5,4) × first 8 digits; a check of 10 is never issued.
 * The body passed here is the 9 digits (the MWST/TVA/IVA/TPV suffix is handled by the type).
 * Source: BFS, "UID — Aufbau der Nummer" (eCH-0097); python-stdnum `stdnum.ch.uid`.
 */
export const checkCh: NumberCheck = (body) => {
  if (!/^\d{9}$/.test(body)) return 'format';
  return checksumVerdict((11 - (weightedSum(body, WEIGHTS) % 11)) % 11 === digitAt(body, 8));
};
