import { luhnValid } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * India, GSTIN: 15 characters = 2-digit state code (01–38, 97 other territory, 99 centre
 * jurisdiction), the holder's 10-character PAN (5 letters, 4 digits, a letter), the
 * registration count in the state, a default "Z" and a check character: Luhn mod 36 over
 * 0-9A-Z. Source: GSTN, CBIC notification on GSTIN structure; python-stdnum `stdnum.in_.gstin`.
 */
export const checkIn: NumberCheck = (body) => {
  if (!/^\d{2}[A-Z]{5}\d{4}[A-Z][0-9A-Z]{3}$/.test(body)) return 'format';
  const state = Number(body.slice(0, 2));
  if (!((state >= 1 && state <= 38) || state === 97 || state === 99)) return 'format';
  return checksumVerdict(luhnValid(body, BASE36));
};
