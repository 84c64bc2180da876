import { euVatPrefixes } from './eu/index.js';
import { checkAu } from './national/au.js';
import { checkCaBn, checkCaGstHst, checkCaQst } from './national/ca.js';
import { checkCh } from './national/ch.js';
import { checkIs, checkKr, checkNz, checkSgGst, checkSgUen, checkTr, checkUs } from './national/formats.js';
import { checkGb } from './national/gb.js';
import { checkIn } from './national/in.js';
import { checkJp } from './national/jp.js';
import { checkMx } from './national/mx.js';
import { checkNo } from './national/no.js';
import { checkZa } from './national/za.js';
import type { NumberCheck, TaxIdFailure, TaxIdType } from './types.js';

/** How one tax id type is canonicalised and checked. */
export interface TaxIdRule {
  /** From the compact form (upper case, no separators) to the canonical one. Idempotent. */
  canonical(compact: string): string;
  /** The number's country and, when it fails, why. */
  check(normalized: string): { country: string | undefined; reason: TaxIdFailure | undefined };
}

function identity(compact: string): string {
  return compact;
}

/** A type issued by one country, with no prefix to strip. */
function national(country: string, check: NumberCheck, canonical = identity): TaxIdRule {
  return { canonical, check: (normalized) => ({ country, reason: check(normalized) }) };
}

/** A type whose canonical form wraps the body in a fixed prefix and/or suffix. */
function wrapped(country: string, shape: RegExp, check: NumberCheck, canonical: (compact: string) => string): TaxIdRule {
  return {
    canonical,
    check(normalized) {
      const body = shape.exec(normalized)?.[1];
      return { country, reason: body === undefined ? 'format' : check(body) };
    },
  };
}

const euVat: TaxIdRule = {
  canonical(compact) {
    // VIES writes Greece as EL; people often type the ISO code.
    const value = compact.startsWith('GR') ? `EL${compact.slice(2)}` : compact;
    // Pre-2007 Belgian numbers had 9 digits and gained a leading 0; Greek ones had 8.
    if (/^BE\d{9}$/.test(value)) return `BE0${value.slice(2)}`;
    if (/^EL\d{8}$/.test(value)) return `EL0${value.slice(2)}`;
    return value;
  },
  check(normalized) {
    const prefix = euVatPrefixes[normalized.slice(0, 2)];
    if (prefix === undefined) return { country: undefined, reason: 'format' };
    return { country: prefix.country, reason: prefix.check(normalized.slice(2)) };
  },
};

/** The rule of every supported type. */
export const taxIdRules: Readonly<Record<TaxIdType, TaxIdRule>> = {
  eu_vat: euVat,
  gb_vat: wrapped('GB', /^GB(.*)$/, checkGb, (c) => {
    const body = /^(?:GB)?(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/.exec(c)?.[1];
    return body === undefined ? c : `GB${body}`;
  }),
  ch_vat: wrapped('CH', /^CHE(\d{9})(?:MWST|TVA|IVA|TPV)?$/, checkCh, (c) => {
    const m = /^(?:CHE)?(\d{9})(MWST|TVA|IVA|TPV)?$/.exec(c);
    return m ? `CHE${m[1] ?? ''}${m[2] ?? ''}` : c;
  }),
  no_vat: wrapped('NO', /^NO(\d{9})MVA$/, checkNo, (c) => {
    const body = /^(?:NO)?(\d{9})(?:MVA)?$/.exec(c)?.[1];
    return body === undefined ? c : `NO${body}MVA`;
  }),
  is_vat: national('IS', checkIs),
  au_abn: national('AU', checkAu),
  nz_gst: national('NZ', checkNz),
  ca_bn: national('CA', checkCaBn),
  ca_gst_hst: national('CA', checkCaGstHst),
  ca_qst: national('CA', checkCaQst),
  in_gst: national('IN', checkIn),
  sg_gst: national('SG', checkSgGst),
  sg_uen: national('SG', checkSgUen),
  jp_cn: national('JP', checkJp),
  kr_brn: national('KR', checkKr),
  za_vat: national('ZA', checkZa),
  mx_rfc: national('MX', checkMx),
  tr_tin: national('TR', checkTr),
  us_ein: national('US', checkUs),
};
