/**
 * Tax identification number types, named as Stripe names them so vendors moving over keep
 * their data: `eu_vat` covers all 27 member states (prefix EL for Greece) and XI for Northern
 * Ireland under the Windsor Framework.
 */
export const taxIdTypes = [
  'eu_vat',
  'gb_vat',
  'ch_vat',
  'no_vat',
  'is_vat',
  'au_abn',
  'nz_gst',
  'ca_bn',
  'ca_gst_hst',
  'ca_qst',
  'in_gst',
  'sg_gst',
  'sg_uen',
  'jp_cn',
  'kr_brn',
  'za_vat',
  'mx_rfc',
  'tr_tin',
  'us_ein',
] as const;

export type TaxIdType = (typeof taxIdTypes)[number];

/** Why a number was rejected: its shape (length, characters, fixed parts) or its check digits. */
export type TaxIdFailure = 'format' | 'checksum';

/** The answer of {@link validateTaxId}. */
export interface TaxIdValidation {
  valid: boolean;
  /** The canonical form to store and send to a registry: upper case, no separators. */
  normalized: string;
  /**
   * ISO 3166-1 alpha-2 country of the number (`GR` for an `EL…` VAT id, `GB` for `XI…`);
   * undefined when an `eu_vat` prefix names no member state.
   */
  country: string | undefined;
  reason?: TaxIdFailure;
}

/** A check on the part of a number after any prefix: the failure, or undefined when it passes. */
export type NumberCheck = (body: string) => TaxIdFailure | undefined;

/** `undefined` (passes) when the check digits match, else `'checksum'`. */
export function checksumVerdict(matches: boolean): TaxIdFailure | undefined {
  return matches ? undefined : 'checksum';
}
