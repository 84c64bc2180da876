import { digitsMod, luhnValid } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/** The characters of a new-style key: digits and letters without I and O. */
const KEY = /^[0-9A-HJ-NP-Z]{2}$/;

/**
 * France, numéro de TVA intracommunautaire: a 2-character key and the 9-digit SIREN.
 * - The SIREN carries a Luhn check digit (INSEE), except Monaco's numbers, which start "000".
 * - A numeric key is (12 + 3 × (SIREN mod 97)) mod 97. Source: DGFiP, BOI-TVA-DECLA;
 *   python-stdnum `stdnum.fr.tva`.
 * - Keys containing a letter (issued since the numeric ones ran out) use an algorithm the
 *   DGFiP has not published: we check the format only.
 */
export const checkFr: NumberCheck = (body) => {
  if (body.length !== 11 || !KEY.test(body.slice(0, 2)) || !/^\d{9}$/.test(body.slice(2))) return 'format';
  const siren = body.slice(2);
  if (!siren.startsWith('000') && !luhnValid(siren)) return 'checksum';
  const key = body.slice(0, 2);
  if (!/^\d{2}$/.test(key)) return undefined;
  return checksumVerdict((12 + 3 * digitsMod(siren, 97)) % 97 === Number(key));
};
