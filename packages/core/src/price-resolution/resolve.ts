import type { Price } from '../catalog/index.js';
import { isCurrencyCode, type CurrencyCode } from '../money/index.js';
import { InvalidInputError, InvariantError } from '../errors/index.js';
import { presentmentCurrency, priceInCurrency, type ExchangeRateTable, type MultiCurrencyPrice } from '../currency/index.js';
import { buildInvoice, type InvoiceLineDraft } from '../invoice/index.js';
import { priceAmount, priceBreakdown } from '../pricing/index.js';
import { createBuiltInTaxCalculator, resolveTaxBehavior, type TaxCalculator, type TaxContext } from '../tax/index.js';
import { assertInstant } from '../time/index.js';
import type { ResolvePricesInput, ResolvedPrice, ResolvedPrices, TaxNote } from './types.js';

/** Currencies one price can be shown in: its own, its options, and every rate when it has one itself. */
function currenciesOf(price: MultiCurrencyPrice, rates: ExchangeRateTable | undefined): Set<CurrencyCode> {
  const set = new Set<CurrencyCode>([price.currency]);
  for (const code of Object.keys(price.currencyOptions ?? {})) if (isCurrencyCode(code)) set.add(code);
  if (rates !== undefined && (price.currency === rates.base || rates.rates[price.currency] !== undefined)) {
    set.add(rates.base);
    for (const code of Object.keys(rates.rates)) if (isCurrencyCode(code)) set.add(code);
  }
  return set;
}

/** Currencies every price can be shown in, so all cards of one screen share a currency. */
function commonCurrencies(prices: readonly MultiCurrencyPrice[], rates: ExchangeRateTable | undefined): CurrencyCode[] {
  const [first, ...rest] = prices.map((p) => currenciesOf(p, rates));
  if (first === undefined) return [];
  return [...first].filter((code) => rest.every((set) => set.has(code)));
}

/** The headline per-unit figure of a model, for "€12 per seat"; tiers have none. */
function headline(price: Price): Pick<ResolvedPrice, 'unitAmount' | 'unitAmountDecimal'> {
  const model = price.model;
  switch (model.type) {
    case 'flat':
      return { unitAmount: model.amount };
    case 'package':
      return { unitAmount: model.packageAmount };
    case 'per_unit':
      return model.unitAmountDecimal !== undefined ? { unitAmountDecimal: model.unitAmountDecimal } : { unitAmount: model.unitAmount ?? 0 };
    case 'graduated':
    case 'volume':
      return {};
  }
}

function lineKind(price: Price): InvoiceLineDraft['kind'] {
  if (price.recurring === null) return 'one_time';
  return price.recurring.usageType === 'metered' ? 'usage' : 'subscription';
}

/** Prices one item exactly as an invoice would: a one-line invoice through the real builder and tax engine. */
function resolveOne(
  source: MultiCurrencyPrice,
  currency: CurrencyCode,
  input: ResolvePricesInput,
  context: TaxContext,
  calculator: TaxCalculator,
): ResolvedPrice {
  const price = priceInCurrency(source, currency, input.rates, input.rounding ?? 'exact');
  const converted = source.currency !== currency && source.currencyOptions?.[currency] === undefined;
  const quantity = input.quantity?.[source.id] ?? 1;
  const breakdown = priceBreakdown(price, quantity);
  const taxBehavior = resolveTaxBehavior(price.taxBehavior, context);
  const draft: InvoiceLineDraft = {
    kind: lineKind(price),
    description: price.id,
    amount: priceAmount(price, quantity),
    quantity,
    priceId: price.id,
    productId: price.productId,
    taxBehavior,
  };
  if (price.taxCode !== undefined) draft.taxCode = price.taxCode;
  const invoice = buildInvoice({ currency, lines: [draft], atMs: input.atMs }, calculator);
  const [line, ...others] = invoice.lines;
  if (line === undefined || others.length > 0) throw new InvariantError(`A one-item quote for ${price.id} came back with ${invoice.lines.length} lines`);

  const taxAmount = line.taxes.reduce((sum, t) => sum + t.amount, 0);
  const taxInclusive = taxBehavior === 'inclusive';
  const taxNote: TaxNote = invoice.reverseCharge ? 'reverse_charge' : line.taxes.length === 0 ? 'none' : taxInclusive ? 'incl' : 'excl';
  return {
    priceId: price.id,
    productId: price.productId,
    currency,
    interval: price.recurring?.interval ?? null,
    quantity,
    price,
    converted,
    ...headline(price),
    breakdown: breakdown.parts,
    amount: line.amount,
    netAmount: line.netAmount,
    taxAmount,
    grossAmount: line.totalAmount,
    taxInclusive,
    taxes: line.taxes,
    displayAmount: taxInclusive ? line.totalAmount : line.netAmount,
    taxNote,
    reverseCharge: invoice.reverseCharge,
    notes: invoice.notes,
  };
}

/**
 * The one price-resolution function behind the pricing table, checkout and portal: which
 * currency the customer sees, and for each price the net, tax and gross amounts with their
 * labels, exactly as the first invoice will charge them.
 *
 * The currency is the customer's preferred one, else their country's, else `fallbackCurrency`
 * (default: the first price's), among the currencies every price can be shown in (its own, its
 * currency options, and all of `rates` when given). Each price is then turned into a one-line
 * invoice with `priceAmount` and built by `buildInvoice` with the built-in tax calculator for
 * this seller and customer: the screen reads its numbers off that invoice, so it cannot disagree
 * with it. Discounts and credit are left to checkout's own quote.
 *
 * @example
 * resolvePrices({ prices: [proMonthly, proYearly], country: 'RO', business: false, atMs, seller })
 * // { currency: 'RON', prices: [{ displayAmount: 14399, taxNote: 'incl', taxes: [{ label: 'TVA 21%', … }] }, …] }
 */
export function resolvePrices(input: ResolvePricesInput): ResolvedPrices {
  assertInstant(input.atMs, 'atMs');
  const fallback = input.fallbackCurrency ?? input.prices[0]?.currency;
  if (fallback === undefined) throw new InvalidInputError('Give at least one price or a fallbackCurrency', 'prices');
  const available = commonCurrencies(input.prices, input.rates);
  const currency = presentmentCurrency(input.country, available, input.currency, fallback, input.atMs);

  const context: TaxContext = {
    seller: input.seller,
    customer: {
      country: input.country.toUpperCase(),
      business: input.business,
      ...(input.state !== undefined && { state: input.state }),
      ...(input.postalCode !== undefined && { postalCode: input.postalCode }),
      ...(input.taxId !== undefined && { taxId: input.taxId }),
      ...(input.exempt !== undefined && { exempt: input.exempt }),
    },
  };
  const calculator = createBuiltInTaxCalculator(context);
  return {
    currency,
    country: input.country.toUpperCase(),
    prices: input.prices.map((price) => resolveOne(price, currency, input, context, calculator)),
  };
}
