import type { Gateways } from '../billing/gateways.js';
import type { Db } from '../db/client.js';
import { storeMailer } from '../email/transports.js';
import type { IdGenerator } from '../ids/index.js';
import type { Mailer } from '../mailer/types.js';
import type { Clocks } from '../resources/test-clocks/clocks.js';
import { lifecycleAdvancer } from './advancer.js';
import { subscriptionCancellation } from './cancel.js';
import { subscriptionChanges, type Actor } from './changes.js';
import { upcomingInvoice, type UpcomingInvoice } from './upcoming.js';
import { collectInvoice } from './collect.js';
import { createRunCache, type LifecycleDeps } from './context.js';
import { lifecycleRepository } from './repository.js';
import { runDue, type RunDueOptions, type RunReport } from './run.js';
import type { PaymentMethodService } from '../resources/payment-methods/service.js';

export interface LifecycleServiceDeps {
  db: Db;
  gateways: Gateways;
  ids: IdGenerator;
  clocks: Clocks;
  mailer?: Mailer | undefined;
  /** The billing module's `settlePending`, for test-clock advances. */
  settle?: (atMs: number) => Promise<unknown>;
}

/**
 * The lifecycle engine bound to the app: plan changes, cancellation, the billing run, the
 * test-clock step, and dunning recovery when a customer adds a payment method.
 */
export function lifecycleService(deps: LifecycleServiceDeps) {
  const lifecycle: LifecycleDeps = { db: deps.db, gateways: deps.gateways, ids: deps.ids, mailer: deps.mailer ?? storeMailer() };
  /**
   * Recovery: a customer in dunning added (or chose) a payment method, so their open
   * subscription invoices are charged at once, off-session, at the customer's time. Call it
   * after the method is committed, outside any transaction.
   */
  async function recoverCustomer(livemode: boolean, customerId: string): Promise<number> {
    const nowMs = (await deps.clocks.clockFor(customerId)).now();
    const cache = createRunCache();
    let paid = 0;
    for (const sub of await lifecycleRepository.delinquentOfCustomer(deps.db, livemode, customerId)) {
      if (sub.status === 'incomplete') continue;
      for (const invoice of await lifecycleRepository.openInvoices(deps.db, livemode, sub.id)) {
        if (invoice.metadata.abona_change !== undefined) continue;
        if (await lifecycleRepository.hasProcessingPayment(deps.db, livemode, invoice.id)) continue;
        const result = await collectInvoice(lifecycle, cache, invoice.id, { livemode, nowMs, offSession: true });
        if (result?.outcome === 'paid') paid += 1;
      }
    }
    return paid;
  }

  return {
    deps: lifecycle,
    recoverCustomer,
    /** The payment-method service with recovery after `attach` (a new default) and `setDefault`. */
    withRecovery(service: PaymentMethodService): PaymentMethodService {
      return {
        ...service,
        async attach(livemode, customerId, params) {
          const attached = await service.attach(livemode, customerId, params);
          if (attached.defaultId === attached.row.id) await recoverCustomer(livemode, customerId);
          return attached;
        },
        async setDefault(livemode, customerId, paymentMethodId) {
          const chosen = await service.setDefault(livemode, customerId, paymentMethodId);
          await recoverCustomer(livemode, customerId);
          return chosen;
        },
      };
    },
    changes: subscriptionChanges({ ...lifecycle, clocks: deps.clocks }),
    cancellation: subscriptionCancellation({ ...lifecycle, clocks: deps.clocks }),
    /** The next renewal invoice as the billing run would build it (`upcomingInvoice`). */
    upcoming: (actor: Actor, id: string): Promise<UpcomingInvoice> => upcomingInvoice(deps.db, actor, id),
    runDue: (options: RunDueOptions): Promise<RunReport> => runDue(lifecycle, options),
    /** Register with the test clocks (`advancers`). */
    advancer: lifecycleAdvancer(lifecycle, deps.settle),
  };
}
export type LifecycleService = ReturnType<typeof lifecycleService>;
