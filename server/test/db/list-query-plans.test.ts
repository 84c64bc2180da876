import { describe, expect, it } from 'vitest';
import { NOW_MS } from '../checkout/helpers.js';
import { customerWith, DAY_MS, setupLifecycle, subscribe, type Json } from '../lifecycle/helpers.js';
import { portalToken } from '../portal/fixtures.js';
import { plans, recordStatements, unbounded } from './query-plans.js';

describe('list pages narrowed by a customer, subscription, invoice, email or event type, and the portal', () => {
  it("read that object's rows through its index, not every row of the mode", async () => {
    const h = await setupLifecycle();
    const { customer } = await customerWith(h, 'tok_visa');
    const subscription = await subscribe(h, customer, h.catalog.monthly);
    await h.services.lifecycle.runDue({ nowMs: NOW_MS + 31 * DAY_MS });
    const invoices = (await h.json<{ data: Json[] }>('GET', `/v1/invoices?customer=${customer}`)).data;
    expect(invoices).toHaveLength(2);
    const newest = invoices[0]?.id as string;

    const token = await portalToken(h, customer);
    const recorder = recordStatements(h);
    for (const path of [
      `/v1/invoices?customer=${customer}`,
      `/v1/invoices?customer=${customer}&starting_after=${newest}`,
      `/v1/invoices?subscription=${subscription.id}&status=paid`,
      `/v1/subscriptions?customer=${customer}`,
      `/v1/credit_notes?invoice=${newest}`,
      '/v1/customers?email=ANA@example.ro',
      '/v1/events?type=invoice.paid',
      '/v1/events?type=invoice.*',
    ]) {
      expect((await h.call('GET', path)).status).toBe(200);
    }
    // The customer's own pages in the portal.
    for (const path of ['/v1/portal/customer', '/v1/portal/subscriptions', '/v1/portal/invoices', '/v1/portal/payment_methods']) {
      expect((await h.call('GET', path, { key: token })).status).toBe(200);
    }
    recorder.stop();

    const all = await plans(h, recorder.statements);
    expect(all.filter((plan) => / from "(invoices|subscriptions|credit_notes|customers|events)" /.test(plan.sql)).length).toBeGreaterThanOrEqual(8);
    expect(all.filter((plan) => plan.steps.some(unbounded))).toEqual([]);
    h.close();
  });
});
