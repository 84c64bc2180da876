import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { checkoutSessionRepository } from '../../src/resources/checkout-sessions/repository.js';
import { paymentRepository } from '../../src/resources/payments/repository.js';
import { taxIdCheckRepository } from '../../src/tax-ids/repository.js';
import { plans, recordStatements } from './query-plans.js';

/**
 * The background scans read through an index, not the whole table: the statements the
 * repositories send, recorded on their way to the migrated database and planned by SQLite.
 */
const handle = await createDb(':memory:');
afterAll(() => handle.close());

describe('query plans', () => {
  it('the tax id recheck scan uses customer_tax_ids_due_idx', async () => {
    const recorder = recordStatements(handle);
    await taxIdCheckRepository.due(handle.db, false, ['eu_vat'], Date.UTC(2026, 0, 1), 50);
    recorder.stop();
    const [plan] = await plans(handle, recorder.statements);
    expect(plan?.steps.join('\n')).toContain('customer_tax_ids_due_idx');
  });

  it('the settlement job reads only what is still processing, through partial indexes', async () => {
    const recorder = recordStatements(handle);
    await paymentRepository.pending(handle.db);
    await checkoutSessionRepository.processing(handle.db);
    recorder.stop();
    const steps = (await plans(handle, recorder.statements)).map((plan) => plan.steps.join('\n'));
    expect(steps).toEqual([expect.stringContaining('payments_processing_idx'), expect.stringContaining('checkout_sessions_processing_idx')]);
  });
});
