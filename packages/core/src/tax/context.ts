import { InvalidInputError } from '../errors/index.js';
import { EU_COUNTRIES } from './rates/index.js';

/**
 * A place where the seller collects tax. `{country}` is a national registration (a VAT number,
 * the CRA's GST/HST account); `{country, state}` a state or provincial one (US sales tax permit,
 * Québec QST, BC PST). `type: 'oss'` is an EU One-Stop-Shop registration (Union or non-Union
 * scheme) in its member state of identification: it collects B2C VAT in every member state.
 */
export interface SellerRegistration {
  country: string;
  state?: string;
  type?: 'oss' | 'standard';
  /** The registration number printed on invoices, e.g. `"DE123456789"`. */
  taxId?: string;
}

export interface TaxSeller {
  /** Where the seller is established; it counts as registered there (and in `state`, if given). */
  country: string;
  state?: string;
  registrations: SellerRegistration[];
  /**
   * Customer countries where a price with `taxBehavior: 'unspecified'` includes tax. Default none:
   * unspecified prices are exclusive everywhere (see {@link resolveTaxBehavior}).
   */
  pricesIncludeTaxIn?: string[];
}

/** The customer's tax number and whether it was validated (e.g. by VIES, through `validateTaxId`). */
export interface CustomerTaxId {
  /** e.g. `'eu_vat'`, `'gb_vat'`, `'ca_gst_hst'`. */
  type: string;
  value: string;
  valid: boolean;
}

export interface TaxCustomer {
  /** ISO 3166-1 alpha-2: the place of supply of the service. */
  country: string;
  /** ISO 3166-2 subdivision without the country prefix (`'NY'`, `'QC'`); required in US and CA. */
  state?: string;
  /** Not used by the built-in engine (state rates only); a `TaxProvider` needs it for local rates. */
  postalCode?: string;
  business: boolean;
  taxId?: CustomerTaxId;
  /** `exempt`: charge no tax (exemption certificate on file); `reverse`: the customer self-accounts. */
  exempt?: 'none' | 'exempt' | 'reverse';
}

/** Everything besides the lines that decides tax: who sells, who buys, and where. */
export interface TaxContext {
  seller: TaxSeller;
  customer: TaxCustomer;
}

const countryPattern = /^[A-Z]{2}$/;
const statePattern = /^[A-Z0-9]{1,3}$/;

/** Upper-cases and checks an ISO 3166-1 alpha-2 code. */
function country(value: unknown, param: string): string {
  const code = typeof value === 'string' ? value.toUpperCase() : '';
  if (!countryPattern.test(code))
    throw new InvalidInputError(`${param} must be an ISO 3166-1 alpha-2 code`, param);
  return code;
}

/** Upper-cases and checks an ISO 3166-2 subdivision code given without its country prefix. */
function state(value: unknown, param: string): string | undefined {
  if (value === undefined) return undefined;
  const code = typeof value === 'string' ? value.toUpperCase() : '';
  if (!statePattern.test(code)) {
    throw new InvalidInputError(`${param} must be an ISO 3166-2 subdivision code without prefix`, param);
  }
  return code;
}

/**
 * Checks a {@link TaxContext} and returns a copy with country and state codes in upper case
 * (`'de'` → `'DE'`), the form the rate tables use. Anything else malformed is refused, not guessed.
 *
 * @throws InvalidInputError naming the faulty field in `param` (`customer.country`, …).
 */
export function validateTaxContext(context: TaxContext): TaxContext {
  const { seller, customer } = context;
  if (!Array.isArray(seller.registrations)) {
    throw new InvalidInputError('seller.registrations must be an array', 'seller.registrations');
  }
  const registrations = seller.registrations.map((registration, i) => {
    const param = `seller.registrations[${i}]`;
    const normalized: SellerRegistration = {
      ...registration,
      country: country(registration.country, `${param}.country`),
      state: state(registration.state, `${param}.state`),
    };
    if (
      normalized.type === 'oss' &&
      (!EU_COUNTRIES.has(normalized.country) || normalized.state !== undefined)
    ) {
      throw new InvalidInputError('An OSS registration is held in one EU member state', `${param}.type`);
    }
    return normalized;
  });
  const pricesIncludeTaxIn = seller.pricesIncludeTaxIn?.map((c, i) =>
    country(c, `seller.pricesIncludeTaxIn[${i}]`),
  );
  if (typeof customer.business !== 'boolean') {
    throw new InvalidInputError('customer.business must be a boolean', 'customer.business');
  }
  const { taxId } = customer;
  if (
    taxId !== undefined &&
    (typeof taxId.value !== 'string' || taxId.value.trim() === '' || typeof taxId.valid !== 'boolean')
  ) {
    throw new InvalidInputError('customer.taxId needs a value and a boolean valid', 'customer.taxId');
  }
  if (customer.exempt !== undefined && !['none', 'exempt', 'reverse'].includes(customer.exempt)) {
    throw new InvalidInputError("customer.exempt must be 'none', 'exempt' or 'reverse'", 'customer.exempt');
  }
  return {
    seller: {
      ...seller,
      country: country(seller.country, 'seller.country'),
      state: state(seller.state, 'seller.state'),
      registrations,
      pricesIncludeTaxIn,
    },
    customer: {
      ...customer,
      country: country(customer.country, 'customer.country'),
      state: state(customer.state, 'customer.state'),
    },
  };
}
