import { luhnValid } from '../checksums.js';
import { checksumVerdict, type NumberCheck } from '../types.js';

/**
 * Canada, Business Number: 9 digits with a Luhn check digit (CRA, "Business number";
 * python-stdnum `stdnum.ca.bn`).
 */
export const checkCaBn: NumberCheck = (body) => {
  if (!/^\d{9}$/.test(body)) return 'format';
  return checksumVerdict(luhnValid(body));
};

/** Canada, GST/HST account: the BN, "RT" and a 4-digit account reference (`123456782RT0001`). */
export const checkCaGstHst: NumberCheck = (body) => {
  if (!/^\d{9}RT\d{4}$/.test(body)) return 'format';
  return checkCaBn(body.slice(0, 9));
};

/**
 * Québec, QST registration: 10 digits, "TQ" and a 4-digit file number (`1234567890TQ0001`).
 * Revenu Québec does not publish its check digit: format only.
 */
export const checkCaQst: NumberCheck = (body) => (/^\d{10}TQ\d{4}$/.test(body) ? undefined : 'format');
