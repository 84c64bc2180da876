import type { Price } from '../catalog/index.js';
import type { ExchangeRateTable, MultiCurrencyPrice, RoundingStrategy } from '../currency/index.js';
import type { CurrencyCode } from '../money/index.js';
import type { PricePart } from '../pricing/index.js';
import type { CustomerTaxId, TaxAmount, TaxCustomer, TaxSeller } from '../tax/index.js';
import type { Interval } from '../time/index.js';

/** Who is looking, where, and when: everything a screen knows before showing prices. */
export interface ResolvePricesInput {
  /** The prices to show (one product's intervals, a whole pricing table, a checkout's items). */
  prices: MultiCurrencyPrice[];
  /** The customer's country, ISO 3166-1 alpha-2 (answered in upper case). */
  country: string;
  /** Subdivision for US states and Canadian provinces (`"NY"`, `"QC"`). */
  state?: string;
  postalCode?: string;
  /** The customer's preferred currency (chosen, or already paying in it). */
  currency?: CurrencyCode;
  business: boolean;
  /** The customer's tax number and whether it was validated (VIES…). */
  taxId?: CustomerTaxId;
  /** `exempt` (certificate on file) or `reverse` (self-accounts); default `none`. */
  exempt?: TaxCustomer['exempt'];
  /** Instant of the quote: tax rates, euro changeovers. */
  atMs: number;
  seller: TaxSeller;
  /** Rates to show prices in the customer's currency when a price has no explicit amount in it. */
  rates?: ExchangeRateTable;
  /** Rounding of converted prices; default `exact`. The invoice must use the same converted price. */
  rounding?: RoundingStrategy;
  /** Quantity per price id (seats); default 1. */
  quantity?: Partial<Record<string, number>>;
  /** Currency when neither the preferred nor the country's one is available; default the first price's. */
  fallbackCurrency?: CurrencyCode;
}

/** What a card says about tax: included, added on top, reverse-charged, or none at all. */
export type TaxNote = 'incl' | 'excl' | 'reverse_charge' | 'none';

/** One price as the customer will see it and as the invoice will charge it. */
export interface ResolvedPrice {
  priceId: string;
  productId: string;
  currency: CurrencyCode;
  /** `null` for one-time prices. */
  interval: Interval | null;
  quantity: number;
  /** The price in `currency`: from its currency option, converted, or itself. Charge this one. */
  price: Price;
  /** True when amounts came from exchange rates rather than the vendor. */
  converted: boolean;
  /** Headline per-unit amount: the flat amount, unit amount or package amount; absent for tiers. */
  unitAmount?: number;
  /** Per-unit amount as a decimal string when the price has a fractional unit amount. */
  unitAmountDecimal?: string;
  /** How the line amount is made (tiers reached, minimum top-up), for "first 1,000 free" text. */
  breakdown: PricePart[];
  /** Line amount as priced (gross for tax-inclusive prices), before tax is split out or added. */
  amount: number;
  netAmount: number;
  taxAmount: number;
  grossAmount: number;
  taxInclusive: boolean;
  taxes: TaxAmount[];
  /** What the card shows large: gross for a tax-inclusive price, else net. */
  displayAmount: number;
  taxNote: TaxNote;
  reverseCharge: boolean;
  /** Invoice notes this price would carry (reverse-charge wording). */
  notes: string[];
}

export interface ResolvedPrices {
  currency: CurrencyCode;
  country: string;
  prices: ResolvedPrice[];
}
