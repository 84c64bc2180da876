import type { InValue } from '@libsql/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { gatewayRecords } from '../../src/db/schema.js';
import { NOW_MS } from '../checkout/helpers.js';
import { plans, recordStatements, unbounded } from '../db/query-plans.js';
import { customerWith, DAY_MS, setupLifecycle, subscribe } from './helpers.js';

describe("the billing run's statements", () => {
  it('look rows up by key: none scans a table or ranges over a whole mode, at batch sizes past SQLite default estimates', async () => {
    const h = await setupLifecycle();
    // More rows per batch than SQLite's guess for an unanalyzed `livemode = ?` (10 rows), where it
    // used to prefer the mode index over the id lists; renewals, a trial end and a failing card.
    for (let i = 0; i < 24; i += 1) {
      const { customer } = await customerWith(h, 'tok_visa', { email: `c${i}@example.ro` });
      await subscribe(h, customer, i % 6 === 5 ? h.catalog.trial : h.catalog.monthly);
    }
    const failing = (await h.db.select({ id: gatewayRecords.id }).from(gatewayRecords).where(eq(gatewayRecords.tableName, 'paymentMethods'))).slice(0, 3);
    await h.db
      .update(gatewayRecords)
      .set({ data: sql`json_set(${gatewayRecords.data}, '$.behavior', 'decline_insufficient_funds')` })
      .where(and(eq(gatewayRecords.tableName, 'paymentMethods'), inArray(gatewayRecords.id, failing.map((row) => row.id))));

    const recorder = recordStatements(h);
    // The renewals and trial ends, then the first retries of the declined ones, with revenue recognition.
    const first = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 31 * DAY_MS, batchSize: 50 });
    const retry = await h.services.lifecycle.runDue({ nowMs: NOW_MS + 33 * DAY_MS, batchSize: 50 });
    recorder.stop();
    expect(first).toMatchObject({ processed: 24, failed: 3, errors: [] });
    expect(retry.processed).toBe(3);

    const all = await plans(h, recorder.statements);
    expect(all.length).toBeGreaterThan(20);
    const offending = all.filter((plan) => plan.steps.some(unbounded));
    expect(offending).toEqual([]);
    h.close();
  });

  it('the check itself: a mode filter on an index catches an id list of more than ten', async () => {
    const h = await setupLifecycle();
    const ids = Array.from({ length: 20 }, (_, i) => `sub_${i}`);
    const recorded = new Map<string, InValue[]>([[`select "id" from "subscriptions" where "livemode" = ? and "id" in (${ids.map(() => '?').join(', ')})`, [0, ...ids]]]);
    const [plan] = await plans(h, recorded);
    expect(plan?.steps.some(unbounded)).toBe(true);
    h.close();
  });
});
