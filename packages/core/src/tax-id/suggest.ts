import { InvalidInputError } from '../errors/index.js';
import type { TaxIdType } from './types.js';

/** What the checkout asks a customer of one country for. */
export interface TaxIdSuggestion {
  /** The type to ask for first. */
  type: TaxIdType;
  /** A valid number of that type, shown as a placeholder ("e.g. RO18547290"). */
  example: string;
  /** Every type a customer of this country may give, the default first. */
  types: readonly TaxIdType[];
}

interface CountryEntry {
  types: readonly TaxIdType[];
  example: string;
  /** A different placeholder for an individual (sole trader) where their numbers look unlike a company's. */
  individualExample?: string;
}

const eu = (example: string, individualExample?: string): CountryEntry =>
  individualExample === undefined ? { types: ['eu_vat'], example } : { types: ['eu_vat'], example, individualExample };

/**
 * One published, check-digit-valid number per country (the same ones the tests verify by hand),
 * so a placeholder never teaches a customer a number our own validation rejects.
 */
const COUNTRIES: Readonly<Record<string, CountryEntry>> = {
  AT: eu('ATU13585627'),
  BE: eu('BE0417710407'),
  BG: eu('BG175074752'),
  CY: eu('CY10259033P'),
  CZ: eu('CZ25123891', 'CZ7103192745'),
  DE: eu('DE136695976'),
  DK: eu('DK13585628'),
  EE: eu('EE100931558'),
  GR: eu('EL094259216'),
  ES: eu('ESB58378431', 'ES12345678Z'),
  FI: eu('FI20774740'),
  FR: eu('FR40303265045'),
  HR: eu('HR33392005961'),
  HU: eu('HU12892312'),
  IE: eu('IE6388047V'),
  IT: eu('IT00743110157'),
  LT: eu('LT119511515'),
  LU: eu('LU15027442'),
  LV: eu('LV40003521600'),
  MT: eu('MT11679112'),
  NL: eu('NL004495445B01', 'NL002455799B11'),
  PL: eu('PL8567346215'),
  PT: eu('PT501964843'),
  RO: eu('RO18547290'),
  SE: eu('SE556042722001'),
  SI: eu('SI50223054'),
  SK: eu('SK2022749619'),
  // A Northern Ireland trader selling goods may also hold XI…; the UK number comes first.
  GB: { types: ['gb_vat', 'eu_vat'], example: 'GB980780684' },
  CH: { types: ['ch_vat'], example: 'CHE-116.281.710 MWST' },
  NO: { types: ['no_vat'], example: 'NO 974760673 MVA' },
  IS: { types: ['is_vat'], example: '00621' },
  AU: { types: ['au_abn'], example: '51 824 753 556' },
  NZ: { types: ['nz_gst'], example: '49-098-576' },
  CA: { types: ['ca_gst_hst', 'ca_bn', 'ca_qst'], example: '123456782RT0001' },
  IN: { types: ['in_gst'], example: '27AAPFU0939F1ZV' },
  SG: { types: ['sg_gst', 'sg_uen'], example: '197401143C' },
  JP: { types: ['jp_cn'], example: '7000012050002' },
  KR: { types: ['kr_brn'], example: '116-82-00276' },
  ZA: { types: ['za_vat'], example: '4101234567' },
  MX: { types: ['mx_rfc'], example: 'MAB930714 8T4', individualExample: 'GODE561231GR8' },
  TR: { types: ['tr_tin'], example: '4540536920' },
  US: { types: ['us_ein'], example: '91-1144442' },
};

/**
 * The tax id type a checkout should ask a customer in `country` for, with a placeholder example.
 *
 * @param country ISO 3166-1 alpha-2 code (`"RO"`, `"GR"` — not `"EL"`); case-insensitive.
 * @param business false for an individual buyer: where sole traders use personal numbers that
 *   look different (ES NIF, CZ rodné číslo, MX 13-character RFC) the example follows suit.
 * @returns undefined for a country whose tax ids we do not know.
 * @example taxIdTypeFor('RO') // { type: 'eu_vat', example: 'RO18547290', types: ['eu_vat'] }
 */
export function taxIdTypeFor(country: string, business = true): TaxIdSuggestion | undefined {
  if (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country)) {
    throw new InvalidInputError('country must be an ISO 3166-1 alpha-2 code', 'country');
  }
  const entry = Object.hasOwn(COUNTRIES, country.toUpperCase()) ? COUNTRIES[country.toUpperCase()] : undefined;
  const type = entry?.types[0];
  if (entry === undefined || type === undefined) return undefined;
  const example = !business && entry.individualExample !== undefined ? entry.individualExample : entry.example;
  return { type, example, types: entry.types };
}
