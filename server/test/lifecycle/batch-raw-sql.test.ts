import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { insertRows, selectRows, updateRows } from '../../src/db/raw.js';
import { events, subscriptions } from '../../src/db/schema.js';

type SubscriptionInsert = typeof subscriptions.$inferInsert;

function subscription(id: string, extra: Partial<SubscriptionInsert> = {}): SubscriptionInsert {
  return {
    id,
    livemode: false,
    createdAt: 1,
    updatedAt: 1,
    customerId: 'cus_1',
    status: 'active',
    items: [{ priceId: 'price_1', quantity: 2 }],
    currency: 'EUR',
    anchorMs: 1,
    timeZone: 'Europe/Bucharest',
    currentPeriodStart: 1,
    currentPeriodEnd: 2,
    trialStart: null,
    trialEnd: null,
    cancelAtPeriodEnd: true,
    canceledAt: null,
    endedAt: null,
    cancellation: { reason: 'too_expensive', feedback: 'ghilimele " și \\ diacritice' } as never,
    pauseResumesAt: null,
    pausedAt: null,
    scheduledChange: null,
    discounts: [],
    appliedOnceCouponIds: ['co_1'],
    defaultPaymentMethodId: null,
    latestInvoiceId: null,
    pendingLines: [],
    nextActionAt: 2,
    testClockId: null,
    metadata: { plan: 'pro' },
    version: 1,
    ...extra,
  };
}

describe('the billing run’s plain SQL (db/raw) reads and writes rows exactly as drizzle does', () => {
  it('multi-row insert and read: JSON, booleans, nulls and defaults round-trip equal to drizzle’s', async () => {
    const { db, close } = await createDb();
    await insertRows(db, subscriptions, [subscription('sub_a')]);
    // A column whose default is SQL must be given (drizzle would inline it; the run always gives it).
    await expect(insertRows(db, subscriptions, [subscription('sub_b', { metadata: undefined })])).rejects.toThrow(/metadata/);
    await db.insert(subscriptions).values(subscription('sub_c'));
    const raw = await selectRows(db, subscriptions, `"id" in (?, ?) order by "id"`, ['sub_a', 'sub_c']);
    const drizzled = await db.select().from(subscriptions).orderBy(subscriptions.id);
    expect(raw).toEqual(drizzled);
    expect(raw[0]).toEqual({ ...subscription('sub_a') });
    // On conflict do nothing: a dedupe key stored already is skipped, the rest inserted.
    const event = (id: string, key: string) => ({ id, livemode: false, createdAt: 1, type: 't', data: { object: { id } }, dedupeKey: key, dispatchedAt: null });
    expect(await insertRows(db, events, [event('evt_1', 'k1')], { onConflictDoNothing: ['livemode', 'dedupeKey'] })).toBe(1);
    expect(await insertRows(db, events, [event('evt_2', 'k1'), event('evt_3', 'k2')], { onConflictDoNothing: ['livemode', 'dedupeKey'] })).toBe(1);
    expect((await db.select().from(events).orderBy(events.id)).map((e) => e.id)).toEqual(['evt_1', 'evt_3']);
    close();
  });

  it('set-based update: each row its own values, only where every match column agrees (a stale version is left alone)', async () => {
    const { db, close } = await createDb();
    await insertRows(db, subscriptions, [subscription('sub_a'), subscription('sub_b'), subscription('sub_c', { version: 3 })]);
    const updated = await updateRows(db, subscriptions, ['livemode', 'id', 'version'], [
      { where: { livemode: false, id: 'sub_a', version: 1 }, set: { status: 'past_due', items: [{ priceId: 'price_2', quantity: 1 }], cancelAtPeriodEnd: false, version: 2 } },
      { where: { livemode: false, id: 'sub_b', version: 1 }, set: { status: 'canceled', items: [], cancelAtPeriodEnd: true, version: 2 } },
      // Stale: sub_c is at version 3.
      { where: { livemode: false, id: 'sub_c', version: 1 }, set: { status: 'canceled', items: [], cancelAtPeriodEnd: false, version: 2 } },
      // Another shape of patch, another statement.
      { where: { livemode: false, id: 'sub_c', version: 3 }, set: { nextActionAt: null } },
      // The other mode: nothing there.
      { where: { livemode: true, id: 'sub_a', version: 2 }, set: { nextActionAt: 9 } },
    ]);
    expect(updated.map((values) => values[1]).sort()).toEqual(['sub_a', 'sub_b', 'sub_c']);
    const rows = new Map((await db.select().from(subscriptions)).map((row) => [row.id, row]));
    expect(rows.get('sub_a')).toEqual({ ...subscription('sub_a'), status: 'past_due', items: [{ priceId: 'price_2', quantity: 1 }], cancelAtPeriodEnd: false, version: 2 });
    expect(rows.get('sub_b')).toEqual({ ...subscription('sub_b'), status: 'canceled', items: [], cancelAtPeriodEnd: true, version: 2 });
    expect(rows.get('sub_c')).toEqual({ ...subscription('sub_c', { version: 3 }), nextActionAt: null });
    expect((await db.select().from(subscriptions).where(eq(subscriptions.livemode, true))).length).toBe(0);
    close();
  });

  it('inside a transaction, on its connection: rolled back with it', async () => {
    const { db, close } = await createDb();
    await db
      .transaction(async (tx) => {
        await insertRows(tx, subscriptions, [subscription('sub_a')]);
        expect((await selectRows(tx, subscriptions, '1 = 1', [])).length).toBe(1);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await selectRows(db, subscriptions, '1 = 1', [])).toEqual([]);
    close();
  });
});
