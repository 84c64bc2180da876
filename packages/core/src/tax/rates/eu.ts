import type { TaxRateEntry } from './types.js';

const ec = 'European Commission, VAT rates applied in the Member States (taxation-customs.ec.europa.eu)';

/**
 * EU-27 standard VAT rates. Software as a service is an electronically supplied service (Art. 58 and
 * Annex II of Directive 2006/112/EC, Art. 7 of Implementing Regulation 282/2011), taxed at the
 * standard rate of the customer’s member state. Reduced rates never apply to it, so only standard
 * rates are listed. Each entry takes effect at local midnight of its date in the member state.
 * Special territories outside the EU VAT area (Canary Islands, Åland, Mount Athos, …) are not modelled.
 */
export const euVatRates: readonly TaxRateEntry[] = [
  {
    country: 'AT',
    type: 'vat',
    ratePercent: '20',
    label: 'USt. 20%',
    jurisdiction: 'AT',
    registration: 'country',
    effectiveFromMs: 441759600000, // 1984-01-01 00:00 Europe/Vienna
    source: `${ec}; Austrian Federal Ministry of Finance (BMF), UStG 1994 § 10`,
  },
  {
    country: 'BE',
    type: 'vat',
    ratePercent: '21',
    label: 'BTW 21%',
    jurisdiction: 'BE',
    registration: 'country',
    effectiveFromMs: 820450800000, // 1996-01-01 00:00 Europe/Brussels
    source: `${ec}; FPS Finance (SPF Finances), VAT Code art. 37 and Royal Decree no. 20`,
  },
  {
    country: 'BG',
    type: 'vat',
    ratePercent: '20',
    label: 'ДДС 20%',
    jurisdiction: 'BG',
    registration: 'country',
    effectiveFromMs: 915141600000, // 1999-01-01 00:00 Europe/Sofia
    source: `${ec}; National Revenue Agency (NAP), VAT Act art. 66`,
  },
  {
    country: 'HR',
    type: 'vat',
    ratePercent: '25',
    label: 'PDV 25%',
    jurisdiction: 'HR',
    registration: 'country',
    effectiveFromMs: 1330556400000, // 2012-03-01 00:00 Europe/Zagreb
    source: `${ec}; Tax Administration (Porezna uprava), VAT Act art. 38`,
  },
  {
    country: 'CY',
    type: 'vat',
    ratePercent: '19',
    label: 'ΦΠΑ 19%',
    jurisdiction: 'CY',
    registration: 'country',
    effectiveFromMs: 1389564000000, // 2014-01-13 00:00 Asia/Nicosia
    source: `${ec}; Tax Department of Cyprus, VAT Law 95(I)/2000`,
  },
  {
    country: 'CZ',
    type: 'vat',
    ratePercent: '21',
    label: 'DPH 21%',
    jurisdiction: 'CZ',
    registration: 'country',
    effectiveFromMs: 1356994800000, // 2013-01-01 00:00 Europe/Prague
    source: `${ec}; Financial Administration (Finanční správa), Act 235/2004 Coll. § 47`,
  },
  {
    country: 'DK',
    type: 'vat',
    ratePercent: '25',
    label: 'moms 25%',
    jurisdiction: 'DK',
    registration: 'country',
    effectiveFromMs: 694220400000, // 1992-01-01 00:00 Europe/Copenhagen
    source: `${ec}; Danish Tax Agency (Skattestyrelsen), Momsloven § 33`,
  },
  {
    country: 'EE',
    type: 'vat',
    ratePercent: '20',
    label: 'KM 20%',
    jurisdiction: 'EE',
    registration: 'country',
    effectiveFromMs: 1246395600000, // 2009-07-01 00:00 Europe/Tallinn
    source: `${ec}; Estonian Tax and Customs Board (EMTA), Value Added Tax Act § 15 as amended for 2024 and 1 July 2025`,
  },
  {
    country: 'EE',
    type: 'vat',
    ratePercent: '22',
    label: 'KM 22%',
    jurisdiction: 'EE',
    registration: 'country',
    effectiveFromMs: 1704060000000, // 2024-01-01 00:00 Europe/Tallinn
    source: `${ec}; Estonian Tax and Customs Board (EMTA), Value Added Tax Act § 15 as amended for 2024 and 1 July 2025`,
  },
  {
    country: 'EE',
    type: 'vat',
    ratePercent: '24',
    label: 'KM 24%',
    jurisdiction: 'EE',
    registration: 'country',
    effectiveFromMs: 1751317200000, // 2025-07-01 00:00 Europe/Tallinn
    source: `${ec}; Estonian Tax and Customs Board (EMTA), Value Added Tax Act § 15 as amended for 2024 and 1 July 2025`,
  },
  {
    country: 'FI',
    type: 'vat',
    ratePercent: '24',
    label: 'ALV 24 %',
    jurisdiction: 'FI',
    registration: 'country',
    effectiveFromMs: 1356991200000, // 2013-01-01 00:00 Europe/Helsinki
    source: `${ec}; Finnish Tax Administration (Vero), general VAT rate 25.5% from 1 September 2024`,
  },
  {
    country: 'FI',
    type: 'vat',
    ratePercent: '25.5',
    label: 'ALV 25,5 %',
    jurisdiction: 'FI',
    registration: 'country',
    effectiveFromMs: 1725138000000, // 2024-09-01 00:00 Europe/Helsinki
    source: `${ec}; Finnish Tax Administration (Vero), general VAT rate 25.5% from 1 September 2024`,
  },
  {
    country: 'FR',
    type: 'vat',
    ratePercent: '20',
    label: 'TVA 20 %',
    jurisdiction: 'FR',
    registration: 'country',
    effectiveFromMs: 1388530800000, // 2014-01-01 00:00 Europe/Paris
    source: `${ec}; DGFiP, Code général des impôts art. 278`,
  },
  {
    country: 'DE',
    type: 'vat',
    ratePercent: '19',
    label: 'USt. 19%',
    jurisdiction: 'DE',
    registration: 'country',
    effectiveFromMs: 1167606000000, // 2007-01-01 00:00 Europe/Berlin
    source: `${ec}; Bundesministerium der Finanzen, UStG § 12 (temporary 16% under the Second Corona Tax Relief Act, 1 Jul – 31 Dec 2020)`,
  },
  {
    country: 'DE',
    type: 'vat',
    ratePercent: '16',
    label: 'USt. 16%',
    jurisdiction: 'DE',
    registration: 'country',
    effectiveFromMs: 1593554400000, // 2020-07-01 00:00 Europe/Berlin
    source: `${ec}; Bundesministerium der Finanzen, UStG § 12 (temporary 16% under the Second Corona Tax Relief Act, 1 Jul – 31 Dec 2020)`,
  },
  {
    country: 'DE',
    type: 'vat',
    ratePercent: '19',
    label: 'USt. 19%',
    jurisdiction: 'DE',
    registration: 'country',
    effectiveFromMs: 1609455600000, // 2021-01-01 00:00 Europe/Berlin
    source: `${ec}; Bundesministerium der Finanzen, UStG § 12 (temporary 16% under the Second Corona Tax Relief Act, 1 Jul – 31 Dec 2020)`,
  },
  {
    country: 'GR',
    type: 'vat',
    ratePercent: '24',
    label: 'ΦΠΑ 24%',
    jurisdiction: 'GR',
    registration: 'country',
    effectiveFromMs: 1464728400000, // 2016-06-01 00:00 Europe/Athens
    source: `${ec}; Independent Authority for Public Revenue (AADE), VAT Code art. 21`,
  },
  {
    country: 'HU',
    type: 'vat',
    ratePercent: '27',
    label: 'ÁFA 27%',
    jurisdiction: 'HU',
    registration: 'country',
    effectiveFromMs: 1325372400000, // 2012-01-01 00:00 Europe/Budapest
    source: `${ec}; National Tax and Customs Administration (NAV), Act CXXVII of 2007 § 82`,
  },
  {
    country: 'IE',
    type: 'vat',
    ratePercent: '23',
    label: 'VAT 23%',
    jurisdiction: 'IE',
    registration: 'country',
    effectiveFromMs: 1325376000000, // 2012-01-01 00:00 Europe/Dublin
    source: `${ec}; Revenue Commissioners, VAT Consolidation Act 2010 s. 46 (temporary 21% 1 Sep 2020 – 28 Feb 2021)`,
  },
  {
    country: 'IE',
    type: 'vat',
    ratePercent: '21',
    label: 'VAT 21%',
    jurisdiction: 'IE',
    registration: 'country',
    effectiveFromMs: 1598914800000, // 2020-09-01 00:00 Europe/Dublin
    source: `${ec}; Revenue Commissioners, VAT Consolidation Act 2010 s. 46 (temporary 21% 1 Sep 2020 – 28 Feb 2021)`,
  },
  {
    country: 'IE',
    type: 'vat',
    ratePercent: '23',
    label: 'VAT 23%',
    jurisdiction: 'IE',
    registration: 'country',
    effectiveFromMs: 1614556800000, // 2021-03-01 00:00 Europe/Dublin
    source: `${ec}; Revenue Commissioners, VAT Consolidation Act 2010 s. 46 (temporary 21% 1 Sep 2020 – 28 Feb 2021)`,
  },
  {
    country: 'IT',
    type: 'vat',
    ratePercent: '22',
    label: 'IVA 22%',
    jurisdiction: 'IT',
    registration: 'country',
    effectiveFromMs: 1380578400000, // 2013-10-01 00:00 Europe/Rome
    source: `${ec}; Agenzia delle Entrate, DPR 633/1972 art. 16`,
  },
  {
    country: 'LV',
    type: 'vat',
    ratePercent: '21',
    label: 'PVN 21%',
    jurisdiction: 'LV',
    registration: 'country',
    effectiveFromMs: 1341090000000, // 2012-07-01 00:00 Europe/Riga
    source: `${ec}; State Revenue Service (VID), VAT Law § 41`,
  },
  {
    country: 'LT',
    type: 'vat',
    ratePercent: '21',
    label: 'PVM 21%',
    jurisdiction: 'LT',
    registration: 'country',
    effectiveFromMs: 1251752400000, // 2009-09-01 00:00 Europe/Vilnius
    source: `${ec}; State Tax Inspectorate (VMI), VAT Law art. 19`,
  },
  {
    country: 'LU',
    type: 'vat',
    ratePercent: '17',
    label: 'TVA 17%',
    jurisdiction: 'LU',
    registration: 'country',
    effectiveFromMs: 1420066800000, // 2015-01-01 00:00 Europe/Luxembourg
    source: `${ec}; Administration de l’enregistrement, des domaines et de la TVA (AED), temporary 16% in 2023`,
  },
  {
    country: 'LU',
    type: 'vat',
    ratePercent: '16',
    label: 'TVA 16%',
    jurisdiction: 'LU',
    registration: 'country',
    effectiveFromMs: 1672527600000, // 2023-01-01 00:00 Europe/Luxembourg
    source: `${ec}; Administration de l’enregistrement, des domaines et de la TVA (AED), temporary 16% in 2023`,
  },
  {
    country: 'LU',
    type: 'vat',
    ratePercent: '17',
    label: 'TVA 17%',
    jurisdiction: 'LU',
    registration: 'country',
    effectiveFromMs: 1704063600000, // 2024-01-01 00:00 Europe/Luxembourg
    source: `${ec}; Administration de l’enregistrement, des domaines et de la TVA (AED), temporary 16% in 2023`,
  },
  {
    country: 'MT',
    type: 'vat',
    ratePercent: '18',
    label: 'VAT 18%',
    jurisdiction: 'MT',
    registration: 'country',
    effectiveFromMs: 1072911600000, // 2004-01-01 00:00 Europe/Malta
    source: `${ec}; Commissioner for Revenue (CFR), VAT Act Cap. 406`,
  },
  {
    country: 'NL',
    type: 'vat',
    ratePercent: '21',
    label: 'BTW 21%',
    jurisdiction: 'NL',
    registration: 'country',
    effectiveFromMs: 1349042400000, // 2012-10-01 00:00 Europe/Amsterdam
    source: `${ec}; Belastingdienst, Wet OB 1968 art. 9`,
  },
  {
    country: 'PL',
    type: 'vat',
    ratePercent: '23',
    label: 'VAT 23%',
    jurisdiction: 'PL',
    registration: 'country',
    effectiveFromMs: 1293836400000, // 2011-01-01 00:00 Europe/Warsaw
    source: `${ec}; Ministry of Finance (KAS), VAT Act art. 146ef`,
  },
  {
    country: 'PT',
    type: 'vat',
    ratePercent: '23',
    label: 'IVA 23%',
    jurisdiction: 'PT',
    registration: 'country',
    effectiveFromMs: 1293840000000, // 2011-01-01 00:00 Europe/Lisbon
    source: `${ec}; Autoridade Tributária e Aduaneira, CIVA art. 18 (mainland rate; Azores and Madeira not modelled)`,
  },
  {
    country: 'RO',
    type: 'vat',
    ratePercent: '19',
    label: 'TVA 19%',
    jurisdiction: 'RO',
    registration: 'country',
    effectiveFromMs: 1483221600000, // 2017-01-01 00:00 Europe/Bucharest
    source: `${ec}; ANAF, Fiscal Code art. 291 as amended by Law 141/2025 (21% from 1 August 2025)`,
  },
  {
    country: 'RO',
    type: 'vat',
    ratePercent: '21',
    label: 'TVA 21%',
    jurisdiction: 'RO',
    registration: 'country',
    effectiveFromMs: 1753995600000, // 2025-08-01 00:00 Europe/Bucharest
    source: `${ec}; ANAF, Fiscal Code art. 291 as amended by Law 141/2025 (21% from 1 August 2025)`,
  },
  {
    country: 'SK',
    type: 'vat',
    ratePercent: '20',
    label: 'DPH 20%',
    jurisdiction: 'SK',
    registration: 'country',
    effectiveFromMs: 1293836400000, // 2011-01-01 00:00 Europe/Bratislava
    source: `${ec}; Financial Administration (Finančná správa), Act 222/2004 Coll. § 27 as amended for 1 January 2025`,
  },
  {
    country: 'SK',
    type: 'vat',
    ratePercent: '23',
    label: 'DPH 23%',
    jurisdiction: 'SK',
    registration: 'country',
    effectiveFromMs: 1735686000000, // 2025-01-01 00:00 Europe/Bratislava
    source: `${ec}; Financial Administration (Finančná správa), Act 222/2004 Coll. § 27 as amended for 1 January 2025`,
  },
  {
    country: 'SI',
    type: 'vat',
    ratePercent: '22',
    label: 'DDV 22%',
    jurisdiction: 'SI',
    registration: 'country',
    effectiveFromMs: 1372629600000, // 2013-07-01 00:00 Europe/Ljubljana
    source: `${ec}; Financial Administration (FURS), ZDDV-1 art. 41`,
  },
  {
    country: 'ES',
    type: 'vat',
    ratePercent: '21',
    label: 'IVA 21%',
    jurisdiction: 'ES',
    registration: 'country',
    effectiveFromMs: 1346450400000, // 2012-09-01 00:00 Europe/Madrid
    source: `${ec}; Agencia Tributaria (AEAT), Ley 37/1992 art. 90 (mainland and Balearics; Canary Islands, Ceuta and Melilla are outside EU VAT and not modelled)`,
  },
  {
    country: 'SE',
    type: 'vat',
    ratePercent: '25',
    label: 'moms 25%',
    jurisdiction: 'SE',
    registration: 'country',
    effectiveFromMs: 646783200000, // 1990-07-01 00:00 Europe/Stockholm
    source: `${ec}; Swedish Tax Agency (Skatteverket), Mervärdesskattelagen`,
  },
];
