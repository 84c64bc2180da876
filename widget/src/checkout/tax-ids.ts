/*
 * Which tax id a buyer of each country gives, an example for the placeholder, and the shape of
 * the number: enough to say "this doesn't look right" while typing. Check digits are the
 * server's job (it answers 400 `customer_details[tax_id][value]`), so the bundle carries no
 * checksum code. Examples are the check-digit-valid ones @abona/core publishes.
 */

/** The tax id a country's buyers give: its type, a placeholder, and whether a value has its shape. */
export interface TaxIdFormat {
  type: string;
  example: string;
  /** Tests the normalized value (upper case, no spaces, dots or dashes). */
  pattern: RegExp;
}

// EU VAT: ISO country → [VIES prefix when it differs, body pattern, example].
const eu: Record<string, [string, string, string]> = {
  AT: ['', 'U\\d{8}', 'ATU13585627'],
  BE: ['', '[01]\\d{9}', 'BE0417710407'],
  BG: ['', '\\d{9,10}', 'BG175074752'],
  CY: ['', '\\d{8}[A-Z]', 'CY10259033P'],
  CZ: ['', '\\d{8,10}', 'CZ25123891'],
  DE: ['', '[1-9]\\d{8}', 'DE136695976'],
  DK: ['', '\\d{8}', 'DK13585628'],
  EE: ['', '10\\d{7}', 'EE100931558'],
  GR: ['EL', '\\d{9}', 'EL094259216'],
  ES: ['', '[0-9A-Z]\\d{7}[0-9A-Z]', 'ESB58378431'],
  FI: ['', '\\d{8}', 'FI20774740'],
  FR: ['', '[0-9A-Z]{2}\\d{9}', 'FR40303265045'],
  HR: ['', '\\d{11}', 'HR33392005961'],
  HU: ['', '\\d{8}', 'HU12892312'],
  IE: ['', '\\d[0-9A-Z+*]\\d{5}[A-W][A-IW]?', 'IE6388047V'],
  IT: ['', '\\d{11}', 'IT00743110157'],
  LT: ['', '\\d{9}|\\d{12}', 'LT119511515'],
  LU: ['', '\\d{8}', 'LU15027442'],
  LV: ['', '\\d{11}', 'LV40003521600'],
  MT: ['', '[1-9]\\d{7}', 'MT11679112'],
  NL: ['', '\\d{9}B\\d{2}', 'NL004495445B01'],
  PL: ['', '\\d{10}', 'PL8567346215'],
  PT: ['', '[1-9]\\d{8}', 'PT501964843'],
  RO: ['', '[1-9]\\d{1,9}', 'RO18547290'],
  SE: ['', '\\d{10}01', 'SE556042722001'],
  SI: ['', '[1-9]\\d{7}', 'SI50223054'],
  SK: ['', '[1-9]\\d[234789]\\d{7}', 'SK2022749619'],
};

const others: Record<string, TaxIdFormat> = {
  GB: { type: 'gb_vat', example: 'GB980780684', pattern: /^(GB)?(\d{9}|\d{12})$/ },
  CH: { type: 'ch_vat', example: 'CHE-116.281.710 MWST', pattern: /^CHE\d{9}(MWST|TVA|IVA)?$/ },
  NO: { type: 'no_vat', example: 'NO 974760673 MVA', pattern: /^(NO)?\d{9}(MVA)?$/ },
  US: { type: 'us_ein', example: '91-1144442', pattern: /^(?!00)\d{9}$/ },
  CA: { type: 'ca_gst_hst', example: '123456782RT0001', pattern: /^\d{9}RT\d{4}$/ },
  AU: { type: 'au_abn', example: '51 824 753 556', pattern: /^\d{11}$/ },
};

/** The tax id format for an ISO 3166-1 alpha-2 country, or undefined when we do not know it. */
export function taxIdFormat(country: string): TaxIdFormat | undefined {
  const entry = eu[country];
  if (entry) {
    const [prefix, body, example] = entry;
    return { type: 'eu_vat', example, pattern: new RegExp(`^${prefix || country}(${body})$`) };
  }
  return others[country];
}

/** The value as the formats compare it: upper case, without spaces, dots, dashes or slashes. */
export function normalizeTaxId(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]/g, '');
}
