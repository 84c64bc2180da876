import { countryCodes, taxIdTypes, validateTaxId, type TaxIdType } from '@abona/core';
import type { CustomerDetailsJson } from '../../db/schema.js';
import { InvalidRequest } from '../../errors/index.js';

const knownCountries = new Set(countryCodes);

/** True for an ISO 3166-1 alpha-2 code the engine knows (upper case). */
export function isKnownCountry(code: string): boolean {
  return knownCountries.has(code);
}

/** Checks a country parameter: upper-cased, known, else a 400 naming `param`. */
export function countryParam(value: string, param: string): string {
  const code = value.toUpperCase();
  if (!isKnownCountry(code))
    throw new InvalidRequest(
      `Unknown country: '${value}' (expected an ISO 3166-1 alpha-2 code like "RO")`,
      param,
      'invalid_country',
    );
  return code;
}

/** The region of the most preferred `Accept-Language` entry that has one: `ro-RO,ro;q=0.9` → `RO`. */
export function countryFromAcceptLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const entries = header
    .split(',')
    .slice(0, 20)
    .map((part, position) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), position };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position);
  for (const { tag } of entries) {
    const region = /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)/.exec(tag)?.[1]?.toUpperCase();
    if (region && isKnownCountry(region)) return region;
  }
  return undefined;
}

/** Request headers that hint at the visitor's country. */
export interface CountryHints {
  /** Cloudflare's `CF-IPCountry` (`XX` and `T1` mean unknown and Tor). */
  cfIpCountry?: string | undefined;
  /** `X-Country`, set by a vendor's own proxy. */
  xCountry?: string | undefined;
  acceptLanguage?: string | undefined;
}

/** The visitor's country when none was asked for: edge headers, then the browser's language region, then `fallback`. */
export function guessCountry(hints: CountryHints, fallback: string): string {
  for (const value of [hints.cfIpCountry, hints.xCountry]) {
    const code = value?.trim().toUpperCase();
    if (code && isKnownCountry(code)) return code;
  }
  return countryFromAcceptLanguage(hints.acceptLanguage) ?? fallback;
}

/** Who is buying, as far as a quote needs it. */
export interface VisitorParams {
  country: string;
  state?: string | undefined;
  postalCode?: string | undefined;
  business?: boolean | undefined;
  taxId?: { type: string; value: string } | undefined;
  taxExempt?: 'none' | 'exempt' | 'reverse' | undefined;
}

/**
 * The frozen customer details of a quote. A tax id is checked for its format and check digits
 * here (no online lookup: that never blocks a quote); an unknown type is a 400 at `typeParam`.
 * Giving a tax id implies a business unless `business` says otherwise.
 */
export function visitorDetails(visitor: VisitorParams, typeParam: string): CustomerDetailsJson {
  const details: CustomerDetailsJson = {
    business: visitor.business ?? visitor.taxId !== undefined,
    address: { country: visitor.country },
  };
  if (visitor.state !== undefined) details.address.state = visitor.state.toUpperCase();
  if (visitor.postalCode !== undefined) details.address.postalCode = visitor.postalCode;
  if (visitor.taxExempt !== undefined) details.taxExempt = visitor.taxExempt;
  if (visitor.taxId !== undefined) {
    const type = visitor.taxId.type;
    if (!(taxIdTypes as readonly string[]).includes(type)) {
      throw new InvalidRequest(
        `Unknown tax id type: '${type}' (one of ${taxIdTypes.join(', ')})`,
        typeParam,
        'invalid_tax_id_type',
      );
    }
    const checked = validateTaxId(type as TaxIdType, visitor.taxId.value);
    details.taxId = { type, value: checked.normalized, valid: checked.valid };
  }
  return details;
}
