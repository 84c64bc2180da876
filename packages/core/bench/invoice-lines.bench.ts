/**
 * How many invoice lines a second the engine prices, discounts and taxes, next to a bare
 * integer loop doing the same arithmetic inline (the floor any engine pays). Run with
 * `npm run bench -w @abona/core`; it takes about 10 s.
 *
 * One invoice here has four lines, each realistic: seats (per_unit × quantity), API usage
 * (graduated: 10,000 included, then 0.2 minor units a call), and a mid-period plan change
 * (a proration credit for the unused old plan and a charge for the new one, exact by the
 * second), with a 20 % forever coupon and 19 % VAT through a simple TaxCalculator.
 */
import type { Discount, Price } from '../src/catalog/index.js';
import { buildInvoice, type InvoiceLineDraft } from '../src/invoice/index.js';
import { scaleMinor } from '../src/money/index.js';
import { priceAmount } from '../src/pricing/index.js';
import type { TaxCalculator } from '../src/tax/index.js';
import { fromIso, periodAt, prorationFraction } from '../src/time/index.js';

const LINES_PER_INVOICE = 4;
const ROUNDS = 5;

const seats: Price = {
  id: 'price_seats',
  productId: 'prod_team',
  currency: 'EUR',
  model: { type: 'per_unit', unitAmount: 2900 },
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'licensed' },
  taxBehavior: 'exclusive',
};
const apiCalls: Price = {
  id: 'price_api',
  productId: 'prod_api',
  currency: 'EUR',
  model: {
    type: 'graduated',
    tiers: [
      { upTo: 10_000, unitAmount: 0 },
      { upTo: null, unitAmountDecimal: '0.2' },
    ],
  },
  recurring: { interval: { unit: 'month', count: 1 }, usageType: 'metered', aggregation: 'sum' },
  taxBehavior: 'exclusive',
};
const OLD_PLAN_AMOUNT = 4900;
const NEW_PLAN_AMOUNT = 9900;
const twentyOff: Discount = { coupon: { id: 'co_20', percentOff: '20', duration: 'forever' }, startMs: 0 };

/** 19 % exclusive VAT on every line, rounded per line: the simplest honest TaxCalculator. */
const vat19: TaxCalculator = (input) => ({
  lines: input.lines.map((line) => ({
    index: line.index,
    taxes: [
      {
        amount: scaleMinor(line.amount, 19, 100),
        taxableAmount: line.amount,
        ratePercent: '19',
        type: 'vat',
        label: 'VAT 19%',
        jurisdiction: 'DE',
        inclusive: false,
      },
    ],
  })),
});

const period = periodAt(fromIso('2024-03-31T00:00:00Z'), { unit: 'month', count: 1 }, 0); // Mar 31 → Apr 30
const periodMs = period.endMs - period.startMs;

/** Inputs vary per iteration so no step is the same twice in a row. */
const seatsOf = (i: number) => 1 + (i % 50);
const callsOf = (i: number) => 5_000 + ((i * 7_919) % 100_000);
const changeAtOf = (i: number) => period.startMs + ((i * 1_000_003) % periodMs);

/** Stage 1: the two priced lines. */
function pricedAmounts(i: number): [number, number] {
  return [priceAmount(seats, seatsOf(i)), priceAmount(apiCalls, callsOf(i))];
}

/** Stage 2: the plan change, exact by the second. */
function prorationAmounts(i: number): [number, number] {
  const { remainingSeconds, periodSeconds } = prorationFraction(period, changeAtOf(i));
  return [
    -scaleMinor(OLD_PLAN_AMOUNT, remainingSeconds, periodSeconds),
    scaleMinor(NEW_PLAN_AMOUNT, remainingSeconds, periodSeconds),
  ];
}

/** Stage 3: discount, tax, totals and invariants. */
function invoiceTotal(
  i: number,
  [seatsAmount, usageAmount]: [number, number],
  [credit, charge]: [number, number],
): number {
  const lines: InvoiceLineDraft[] = [
    {
      kind: 'subscription',
      description: 'Seats',
      amount: seatsAmount,
      quantity: seatsOf(i),
      productId: 'prod_team',
      period,
      taxBehavior: 'exclusive',
    },
    {
      kind: 'usage',
      description: 'API calls',
      amount: usageAmount,
      quantity: callsOf(i),
      productId: 'prod_api',
      period,
      taxBehavior: 'exclusive',
    },
    {
      kind: 'proration',
      description: 'Unused time on Pro',
      amount: credit,
      quantity: 1,
      period,
      taxBehavior: 'exclusive',
    },
    {
      kind: 'proration',
      description: 'Remaining time on Business',
      amount: charge,
      quantity: 1,
      period,
      taxBehavior: 'exclusive',
    },
  ];
  return buildInvoice({ currency: 'EUR', atMs: changeAtOf(i), lines, discounts: [twentyOff] }, vat19).total;
}

/** The engine: every amount through priceAmount, prorationFraction, scaleMinor and buildInvoice. */
function engineInvoice(i: number): number {
  return invoiceTotal(i, pricedAmounts(i), prorationAmounts(i));
}

/** a × n / d rounded half-up away from zero, in plain numbers (all products stay below 2^53 here). */
function scale(a: number, n: number, d: number): number {
  const magnitude = Math.floor((2 * Math.abs(a) * n + d) / (2 * d));
  return a < 0 ? -magnitude : magnitude;
}

const amounts = [0, 0, 0, 0];
const discounts = [0, 0, 0, 0];

/** The floor: the same arithmetic inline on integers, no validation, no objects, no decimals. */
function bareInvoice(i: number): number {
  const atS = Math.floor(changeAtOf(i) / 1000);
  const startS = Math.floor(period.startMs / 1000);
  const endS = Math.floor(period.endMs / 1000);
  const remaining = endS - Math.min(Math.max(atS, startS), endS);
  const periodSeconds = endS - startS;
  amounts[0] = seatsOf(i) * 2900;
  const billable = Math.max(callsOf(i) - 10_000, 0);
  amounts[1] = Math.floor((billable * 2 + 5) / 10); // × 0.2, rounded once
  amounts[2] = -scale(OLD_PLAN_AMOUNT, remaining, periodSeconds);
  amounts[3] = scale(NEW_PLAN_AMOUNT, remaining, periodSeconds);
  // 20 % of the positive lines, rounded once, spread by largest remainder (ties to the first).
  let subtotal = 0;
  for (let k = 0; k < 4; k++) if (amounts[k]! > 0) subtotal += amounts[k]!;
  const off = scale(subtotal, 20, 100);
  let given = 0;
  let best = -1;
  let bestRemainder = -1;
  for (let k = 0; k < 4; k++) {
    const a = amounts[k]!;
    if (a <= 0) {
      discounts[k] = 0;
      continue;
    }
    discounts[k] = Math.floor((off * a) / subtotal);
    given += discounts[k]!;
    const remainder = (off * a) % subtotal;
    if (remainder > bestRemainder) [best, bestRemainder] = [k, remainder];
  }
  let leftover = off - given;
  // With four lines at most three units are left; hand them out by remainder order.
  while (leftover > 0) {
    discounts[best]! += 1;
    leftover--;
    let next = -1;
    let nextRemainder = -1;
    for (let k = 0; k < 4; k++) {
      const a = amounts[k]!;
      if (a <= 0 || k === best) continue;
      const remainder = (off * a) % subtotal;
      if (
        remainder > nextRemainder &&
        (remainder < bestRemainder || (remainder === bestRemainder && k > best))
      ) {
        [next, nextRemainder] = [k, remainder];
      }
    }
    [best, bestRemainder] = [next, nextRemainder];
  }
  let total = 0;
  for (let k = 0; k < 4; k++) {
    const net = amounts[k]! - discounts[k]!;
    total += net + scale(net, 19, 100);
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Lines a second: warm up, then ROUNDS rounds of `iterations` invoices, median. */
function measure(name: string, invoice: (i: number) => number, iterations: number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(iterations, 5_000); i++) sink += invoice(i); // JIT warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const startedMs = performance.now();
    for (let i = 0; i < iterations; i++) sink += invoice(i + round * iterations);
    const seconds = (performance.now() - startedMs) / 1000;
    rates.push((iterations * LINES_PER_INVOICE) / seconds);
  }
  if (sink === 0.5) console.log(name); // keeps the results alive
  return median(rates);
}

// Both paths must compute the same invoices, or the comparison means nothing.
for (let i = 0; i < 5_000; i++) {
  const engine = engineInvoice(i);
  const bare = bareInvoice(i);
  if (engine !== bare) throw new Error(`engine and bare loop disagree on invoice ${i}: ${engine} vs ${bare}`);
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const fixedPriced: [number, number] = pricedAmounts(1);
const fixedProration: [number, number] = prorationAmounts(1);
const stages = {
  'priceAmount × 2': measure('pricing', (i) => pricedAmounts(i)[1], 5_000),
  'prorationFraction + scaleMinor × 2': measure('proration', (i) => prorationAmounts(i)[1], 100_000),
  'buildInvoice (discount, tax, invariants)': measure(
    'build',
    (i) => invoiceTotal(i, fixedPriced, fixedProration),
    5_000,
  ),
};
const engineRate = measure('engine', engineInvoice, 5_000);
const bareRate = measure('bare', bareInvoice, 1_000_000);
const ratio = engineRate / bareRate;
console.log(
  `engine (priceAmount + proration + buildInvoice, 20% off, 19% VAT): ${format(engineRate)} lines/s`,
);
console.log(`bare integer loop, same arithmetic inline:                         ${format(bareRate)} lines/s`);
console.log('where an invoice’s time goes (µs per invoice of 4 lines):');
for (const [stage, linesPerSecond] of Object.entries(stages)) {
  console.log(`  ${stage.padEnd(42)} ${((1e6 * LINES_PER_INVOICE) / linesPerSecond).toFixed(2).padStart(8)}`);
}
console.log(`ratio engine / bare: ${ratio.toFixed(4)} (goal ≥ 0.25)${ratio >= 0.25 ? '' : '  BELOW GOAL'}`);
