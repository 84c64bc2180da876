import { InvalidInputError } from '../../errors/index.js';
import { assertInstant } from '../../time/index.js';
import { asiaPacificRates } from './asia-pacific.js';
import { canadaRates } from './canada.js';
import { euVatRates } from './eu.js';
import { europeVatRates } from './europe.js';
import { latinAmericaRates } from './latin-america.js';
import { middleEastAfricaRates } from './middle-east-africa.js';
import type { TaxRateEntry } from './types.js';
import { unitedStatesRates } from './united-states.js';

export type { SaasTaxability, TaxRateEntry } from './types.js';

/** Every rate the built-in engine knows, all regions, in table order. */
export const taxRateTable: readonly TaxRateEntry[] = [
  ...euVatRates,
  ...europeVatRates,
  ...canadaRates,
  ...unitedStatesRates,
  ...asiaPacificRates,
  ...latinAmericaRates,
  ...middleEastAfricaRates,
];

/** The 27 EU member states (ISO 3166-1; Greece is `GR` here even though its VAT prefix is `EL`). */
export const EU_COUNTRIES: ReadonlySet<string> = new Set(euVatRates.map((e) => e.country));

/** Countries whose rates depend on the subdivision: the customer's `state` is required there. */
const subdivided: ReadonlySet<string> = new Set(
  taxRateTable.filter((e) => e.state !== undefined).map((e) => e.country),
);

const placeKey = (country: string, state?: string): string =>
  state === undefined ? country : `${country}-${state}`;

/** Entries per place, each place's entries grouped per tax (type + customer kind), in table order. */
const byPlace: ReadonlyMap<string, ReadonlyMap<string, readonly TaxRateEntry[]>> = (() => {
  const places = new Map<string, Map<string, TaxRateEntry[]>>();
  for (const entry of taxRateTable) {
    const key = placeKey(entry.country, entry.state);
    const groups = places.get(key) ?? new Map<string, TaxRateEntry[]>();
    places.set(key, groups);
    const group = `${entry.type}/${entry.customer ?? 'all'}`;
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  return places;
})();

/** True when rates in `country` depend on the state or province (US, CA). */
export function hasSubdivisionRates(country: string): boolean {
  return subdivided.has(country);
}

/**
 * The taxes levied on SaaS sold to a customer in `country` (and `state` where rates depend on it)
 * at the instant `atMs`: one entry per tax, the one with the latest `effectiveFromMs` not after
 * `atMs`. Québec answers GST and QST; Ontario answers HST; California answers its sales tax with
 * `saas: 'exempt'`. With `customer`, entries limited to the other kind of customer are left out.
 *
 * @returns `undefined` when the table has no data for the place at that instant (a place it does
 *   not cover is unknown, not untaxed); otherwise the entries in table order.
 * @throws InvalidInputError when `country` needs a `state` (US, CA) and none is given.
 * @example taxRateFor('RO', undefined, fromIso('2025-08-01T12:00:00Z'))?.[0]?.ratePercent // '21'
 */
export function taxRateFor(
  country: string,
  state: string | undefined,
  atMs: number,
  customer?: 'business' | 'consumer',
): TaxRateEntry[] | undefined {
  assertInstant(atMs, 'atMs');
  if (subdivided.has(country) && state === undefined) {
    throw new InvalidInputError(`A state or province is required to find tax rates in ${country}`, 'state');
  }
  const groups = byPlace.get(placeKey(country, subdivided.has(country) ? state : undefined));
  if (groups === undefined) return undefined;
  const inForce: TaxRateEntry[] = [];
  for (const versions of groups.values()) {
    let current: TaxRateEntry | undefined;
    for (const entry of versions) {
      if (
        entry.effectiveFromMs <= atMs &&
        (current === undefined || entry.effectiveFromMs >= current.effectiveFromMs)
      ) {
        current = entry;
      }
    }
    if (current !== undefined) inForce.push(current);
  }
  if (inForce.length === 0) return undefined;
  return inForce.filter((e) => customer === undefined || e.customer === undefined || e.customer === customer);
}
