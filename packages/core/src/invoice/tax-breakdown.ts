import type { TaxAmount } from '../tax/index.js';
import { copyTax } from './copy.js';

/** Rows scanned before keying them in a map. */
const SCAN_ROWS = 8;

/** One length-prefixed piece of a group key: `"7:VAT 19%"`. Prefix-free, so pieces never run together. */
const piece = (value: string): string => `${value.length}:${value}`;

/**
 * The grouping key of a tax: (label, rate, jurisdiction, inclusive, type). Typed taxes (every
 * field a string, `inclusive` a boolean) get a cheap length-prefixed concatenation; anything
 * else (a calculator that broke its types) falls back to the JSON form the key was first
 * defined with, under another first letter so the two kinds never collide.
 */
export function taxGroupKey(tax: TaxAmount): string {
  const { label, ratePercent, jurisdiction, inclusive, type } = tax;
  if (
    typeof label === 'string' &&
    typeof ratePercent === 'string' &&
    typeof jurisdiction === 'string' &&
    typeof type === 'string' &&
    typeof inclusive === 'boolean'
  ) {
    return `S${inclusive ? 'T' : 'F'}${piece(label)}${piece(ratePercent)}${piece(jurisdiction)}${type}`;
  }
  return `J${JSON.stringify([label, ratePercent, jurisdiction, inclusive, type])}`;
}

/** Whether two taxes fall in one breakdown row; identical fields answer without building keys. */
export function sameTaxGroup(a: TaxAmount, b: TaxAmount): boolean {
  if (a.label === b.label && a.ratePercent === b.ratePercent && a.jurisdiction === b.jurisdiction && a.inclusive === b.inclusive && a.type === b.type) {
    return true;
  }
  return taxGroupKey(a) === taxGroupKey(b);
}

/**
 * Sums taxes into one row per (label, rate, jurisdiction, inclusive, type), in order of first
 * appearance, for an invoice's summary box. `amount` and `taxableAmount` are summed exactly.
 * `type` is part of the key so two different taxes that happen to share a label never merge.
 */
export function summarizeTaxes(taxes: readonly TaxAmount[]): TaxAmount[] {
  const rows: TaxAmount[] = [];
  // An invoice has a row or two: scanning them beats hashing a key per tax. Past a few rows
  // the keyed map takes over, so a long list of distinct taxes stays linear.
  let byKey: Map<string, TaxAmount> | undefined;
  for (const tax of taxes) {
    let row: TaxAmount | undefined;
    if (byKey === undefined) {
      for (let k = 0; k < rows.length && row === undefined; k++) if (sameTaxGroup(rows[k]!, tax)) row = rows[k];
    } else {
      row = byKey.get(taxGroupKey(tax));
    }
    if (row !== undefined) {
      row.amount += tax.amount;
      row.taxableAmount += tax.taxableAmount;
      continue;
    }
    const copy = copyTax(tax);
    rows.push(copy);
    if (byKey !== undefined) byKey.set(taxGroupKey(copy), copy);
    else if (rows.length > SCAN_ROWS) byKey = new Map(rows.map((r) => [taxGroupKey(r), r]));
  }
  return rows;
}
