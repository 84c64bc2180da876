import { describe, expect, it } from 'vitest';
import { portalLifecycleSpecs } from '../../src/lifecycle/openapi.js';
import { countRows, customerWith, invoicesOf, setupLifecycle, subscribe, type Json, type LifecycleHarness } from '../lifecycle/helpers.js';
import { portalToken } from './fixtures.js';

/** One customer's side of a twin: its subscription and what `prepare` left for the call (an action id). */
interface Side {
  customer: string;
  sub: string;
  key: string;
  actionId?: string;
}

interface Twin {
  /** `METHOD /suffix` after `/v1/portal/subscriptions/:id`. */
  route: string;
  /** The subscription's quantity before the action (default 1). */
  quantity?: number;
  /** Puts one side in the state the action needs, with the secret key or the side's own token. */
  prepare?: (h: LifecycleHarness, side: Side) => Promise<void>;
  body?: (h: LifecycleHarness, side: Side) => unknown;
  /** What the owner's call did. */
  check: (answer: Json, h: LifecycleHarness, side: Side) => Promise<void> | void;
}

const items = (sub: Json) => (sub.items as { data: { price: { id: string }; quantity: number }[] }).data.map((i) => [i.price.id, i.quantity]);

const twins: Twin[] = [
  {
    route: 'POST /change',
    body: (h) => ({ items: [{ price: h.catalog.monthly, quantity: 2 }] }),
    check: (answer, h) => {
      expect(answer).toMatchObject({ object: 'subscription_change', status: 'applied', kind: 'seat_increase' });
      expect(items(answer.subscription as Json)).toEqual([[h.catalog.monthly, 2]]);
    },
  },
  {
    route: 'POST /preview_change',
    body: (h) => ({ items: [{ price: h.catalog.monthly, quantity: 2 }] }),
    check: (answer) => expect(answer).toMatchObject({ object: 'subscription_change_preview', kind: 'seat_increase', effective: 'now' }),
  },
  {
    route: 'POST /complete_change',
    prepare: async (h, side) => {
      await h.json('POST', `/v1/customers/${side.customer}/payment_methods`, { body: { token: 'tok_threeDSecureRequired', set_default: true } });
      const started = await h.json<Json>('POST', `/v1/portal/subscriptions/${side.sub}/change`, { key: side.key, body: { items: [{ price: h.catalog.yearly }] } });
      expect(started.status).toBe('requires_action');
      side.actionId = (started.action as { id: string }).id;
    },
    body: (_h, side) => ({ action_id: side.actionId }),
    check: (answer, h) => {
      expect(answer).toMatchObject({ status: 'applied', kind: 'interval_change' });
      expect(items(answer.subscription as Json)).toEqual([[h.catalog.yearly, 1]]);
    },
  },
  {
    route: 'DELETE /scheduled_change',
    quantity: 2,
    prepare: async (h, side) => {
      await h.json('POST', `/v1/subscriptions/${side.sub}`, { body: { items: [{ price: h.catalog.monthly, quantity: 1 }] } });
    },
    check: (answer, h) => {
      expect(answer.scheduled_change).toBeNull();
      expect(items(answer)).toEqual([[h.catalog.monthly, 2]]);
    },
  },
  {
    route: 'POST /cancel',
    body: () => ({ feedback: 'unused' }),
    check: (answer) => expect(answer).toMatchObject({ status: 'active', cancel_at_period_end: true }),
  },
  {
    route: 'POST /uncancel',
    prepare: async (h, side) => {
      await h.json('POST', `/v1/subscriptions/${side.sub}/cancel`, { body: {} });
    },
    body: () => ({}),
    check: (answer) => expect(answer).toMatchObject({ status: 'active', cancel_at_period_end: false }),
  },
  {
    route: 'POST /pause',
    body: () => ({}),
    check: (answer) => expect(answer).toMatchObject({ status: 'paused', pause_collection: { resumes_at: null } }),
  },
  {
    route: 'POST /resume',
    prepare: async (h, side) => {
      await h.json('POST', `/v1/subscriptions/${side.sub}/pause`, { body: {} });
    },
    body: () => ({}),
    check: (answer) => expect(answer).toMatchObject({ status: 'active', pause_collection: null }),
  },
  {
    route: 'GET /usage',
    check: (answer) => expect(answer).toMatchObject({ data: [] }),
  },
  {
    route: 'GET /upcoming_invoice',
    // 2900 + 21 % VAT = 3509 on Feb 15.
    check: (answer) => expect(answer).toMatchObject({ total: 3509, amount_due: 3509 }),
  },
  {
    route: 'POST /accept_offer',
    prepare: async (h) => {
      const [coupon] = (await h.json<{ data: Json[] }>('GET', '/v1/coupons')).data;
      await h.json('POST', '/v1/settings/billing', { body: { portal: { retention_coupon: coupon?.id } } });
    },
    body: () => ({}),
    check: async (_answer, h, side) => {
      // DEMO20: 20 % off 2900 = 580 → 2320 + 21 % VAT (487.2 → 487) = 2807.
      expect(await h.json<Json>('GET', `/v1/portal/subscriptions/${side.sub}/upcoming_invoice`, { key: side.key })).toMatchObject({ total_discount: 580, total: 2807 });
    },
  },
];

/** Everything a foreign call could have touched: B's subscription as both keys see it, B's invoices, and the rows of every money table. */
async function snapshot(h: LifecycleHarness, side: Side): Promise<unknown> {
  const counts: Record<string, number> = {};
  for (const table of ['subscriptions', 'invoices', 'invoice_lines', 'payments', 'ledger_entries', 'events', 'emails', 'customer_balance_transactions', 'credit_notes']) counts[table] = await countRows(h, table);
  return {
    secret: await h.json('GET', `/v1/subscriptions/${side.sub}`),
    portal: await h.json('GET', `/v1/portal/subscriptions/${side.sub}`, { key: side.key }),
    invoices: await invoicesOf(h, side.sub),
    counts,
  };
}

const split = (route: string) => route.split(' ') as [string, string];

describe('portal lifecycle twins: the customer’s own subscription only', () => {
  it('the table covers every portal twin in the OpenAPI document', () => {
    const documented = portalLifecycleSpecs.map((s) => `${s.method} ${s.path.replace('/v1/portal/subscriptions/:id', '')}`).sort();
    expect(twins.map((t) => t.route).sort()).toEqual(documented);
  });

  it.each(twins.map((t) => [t.route, t] as const))('%s works on their own subscription; on another customer’s it is a 404 that changes nothing', async (_route, twin) => {
    const h = await setupLifecycle();
    const sides: Side[] = [];
    for (const email of ['ana@example.ro', 'bogdan@example.ro']) {
      const { customer } = await customerWith(h, 'tok_visa', { email });
      const sub = await subscribe(h, customer, h.catalog.monthly, { items: [{ price: h.catalog.monthly, quantity: twin.quantity ?? 1 }] });
      sides.push({ customer, sub: sub.id, key: await portalToken(h, customer) });
    }
    const [a, b] = sides as [Side, Side];
    for (const side of sides) await twin.prepare?.(h, side);
    const [method, suffix] = split(twin.route);
    const send = (key: string, side: Side) => {
      const body = twin.body?.(h, side);
      return h.call(method, `/v1/portal/subscriptions/${side.sub}${suffix}`, { key, ...(body === undefined ? {} : { body }) });
    };

    const before = await snapshot(h, b);
    const foreign = await send(a.key, b);
    expect(foreign.status, `${twin.route} on B's subscription with A's token`).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('resource_missing');
    expect(await snapshot(h, b)).toEqual(before);

    if (b.actionId !== undefined) {
      // Another customer's action id on one's own subscription completes nothing either.
      const before2 = await snapshot(h, b);
      const borrowed = await h.call(method, `/v1/portal/subscriptions/${a.sub}${suffix}`, { key: a.key, body: { action_id: b.actionId } });
      expect(borrowed.status).toBe(400);
      expect(((await borrowed.json()) as { error: { param: string } }).error.param).toBe('action_id');
      expect(await snapshot(h, b)).toEqual(before2);
      expect(items(await h.json<Json>('GET', `/v1/portal/subscriptions/${a.sub}`, { key: a.key }))).toEqual([[h.catalog.monthly, 1]]);
    }

    const own = await send(a.key, a);
    const text = await own.text();
    expect(own.status, `${twin.route}: ${text}`).toBe(200);
    await twin.check(JSON.parse(text) as Json, h, a);
    h.close();
  });
});
