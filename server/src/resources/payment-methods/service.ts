import type { PaymentMethodAttachParams, TokenizeParams, TokenWire } from '@abona/api';
import { asPaymentMethodError, CardDeclined } from '../../billing/errors.js';
import { gatewayCustomerRef, isSandbox, type Gateways } from '../../billing/gateways.js';
import { findCustomer } from '../../billing/repository.js';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import type { CustomerRow } from '../../db/schema.js';
import { InvalidRequest, NotFound } from '../../errors/index.js';
import { recordEvent } from '../../events/record.js';
import { deriveIdempotencyKey } from '../../gateway/idempotency.js';
import type { PaymentMethod } from '../../gateway/types.js';
import type { IdGenerator } from '../../ids/index.js';
import { paymentMethodRepository, type PaymentMethodRow } from './repository.js';
import { toPaymentMethod } from './serialize.js';

export interface PaymentMethodServiceDeps {
  db: Db;
  gateways: Gateways;
  clock: Clock;
  ids: IdGenerator;
}

export interface PaymentMethodList {
  rows: PaymentMethodRow[];
  defaultId: string | null;
}

/** A customer's saved ways to pay. Card data never reaches us: only tokens, or test cards in test mode through the sandbox. */
export function paymentMethodService(deps: PaymentMethodServiceDeps) {
  const { db, gateways, clock, ids } = deps;

  async function customerOf(livemode: boolean, id: string): Promise<CustomerRow> {
    const customer = await findCustomer(db, livemode, id);
    if (!customer) throw new NotFound('customer', id);
    return customer;
  }

  return {
    /** Test mode only: a single-use token for a test card or IBAN, so browsers never post card data to our API otherwise. */
    async tokenize(livemode: boolean, params: TokenizeParams): Promise<TokenWire> {
      if (livemode) throw new InvalidRequest('Tokenizing is available in test mode only', undefined, 'test_mode_only');
      const gateway = gateways.of(livemode);
      if (!isSandbox(gateway)) throw new InvalidRequest('Tokenizing is available with the sandbox gateway only', undefined, 'test_mode_only');
      try {
        const token =
          'card' in params
            ? await gateway.tokenizeCard(params.card)
            : await gateway.tokenizeSepaDebit(params.sepa_debit);
        return {
          id: token.token,
          object: 'token',
          type: token.card ? 'card' : 'sepa_debit',
          card: token.card
            ? {
                brand: token.card.brand,
                last4: token.card.last4,
                exp_month: token.card.expMonth,
                exp_year: token.card.expYear,
                funding: token.card.funding,
              }
            : null,
          sepa_debit: token.sepaDebit
            ? {
                country: token.sepaDebit.country,
                bank_code: token.sepaDebit.bankCode,
                last4: token.sepaDebit.last4,
              }
            : null,
        };
      } catch (error) {
        throw asPaymentMethodError(error, 'card' in params ? 'card' : 'sepa_debit');
      }
    },

    /**
     * Attaches a token (or, in test mode, a test card) to the customer and sets it up for
     * off-session charges. A card the issuer refuses at set-up is a 402 and is not kept.
     */
    async attach(
      livemode: boolean,
      customerId: string,
      params: PaymentMethodAttachParams,
    ): Promise<{ row: PaymentMethodRow; defaultId: string | null }> {
      const customer = await customerOf(livemode, customerId);
      if ('card' in params && livemode) throw new InvalidRequest('Card numbers are accepted in test mode only; send a gateway token', 'card', 'test_mode_only');
      const gateway = gateways.of(livemode);
      let token: string;
      if ('card' in params) {
        if (livemode || !isSandbox(gateway))
          throw new InvalidRequest(
            'Card numbers are accepted in test mode only; send a gateway token',
            'card',
            'test_mode_only',
          );
        try {
          token = (await gateway.tokenizeCard(params.card)).token;
        } catch (error) {
          throw asPaymentMethodError(error, 'card');
        }
      } else {
        token = params.token;
      }
      const customerRef = await gatewayCustomerRef(db, gateway, livemode, customer.id);
      let method: PaymentMethod;
      try {
        method = await gateway.attachPaymentMethod({ customerRef, paymentMethodToken: token });
      } catch (error) {
        throw asPaymentMethodError(error, 'token');
      }
      const setup = await gateway.setupPaymentMethod({
        customerRef,
        paymentMethodId: method.id,
        idempotencyKey: deriveIdempotencyKey('pm_setup', method.id),
      });
      if (setup.status === 'failed')
        throw new CardDeclined(setup.message, setup.declineCode, 'card' in params ? 'card' : 'token');
      const atMs = clock.now();
      const row: PaymentMethodRow = {
        id: ids.next('pm'),
        livemode,
        createdAt: atMs,
        customerId: customer.id,
        type: method.type,
        gatewayRef: method.id,
        gateway: gateway.name,
        brand: method.card?.brand ?? null,
        last4: method.card?.last4 ?? method.sepaDebit?.last4 ?? null,
        expMonth: method.card?.expMonth ?? null,
        expYear: method.card?.expYear ?? null,
        // A set-up waiting for 3-D Secure leaves the card usable on-session only.
        offSessionReady: setup.status === 'succeeded',
        detachedAt: null,
      };
      const makeDefault = params.set_default === true || customer.defaultPaymentMethodId === null;
      await db.transaction(async (tx) => {
        await paymentMethodRepository.insert(tx, row);
        if (makeDefault)
          await paymentMethodRepository.setCustomerDefault(tx, livemode, customer.id, row.id, atMs);
        await recordEvent(tx, {
          livemode,
          type: 'payment_method.attached',
          data: toPaymentMethod(row, makeDefault ? row.id : customer.defaultPaymentMethodId),
          dedupeKey: `payment_method.attached:${row.id}`,
          atMs,
          id: ids.next('evt'),
        });
      });
      return { row, defaultId: makeDefault ? row.id : customer.defaultPaymentMethodId };
    },

    async list(livemode: boolean, customerId: string): Promise<PaymentMethodList> {
      const customer = await customerOf(livemode, customerId);
      return {
        rows: await paymentMethodRepository.listForCustomer(db, livemode, customer.id),
        defaultId: customer.defaultPaymentMethodId,
      };
    },

    async setDefault(
      livemode: boolean,
      customerId: string,
      paymentMethodId: string,
    ): Promise<{ row: PaymentMethodRow; defaultId: string }> {
      const customer = await customerOf(livemode, customerId);
      const row = await paymentMethodRepository.find(db, livemode, paymentMethodId);
      if (!row || row.customerId !== customer.id)
        throw new NotFound('payment_method', paymentMethodId, 'payment_method');
      await db.transaction((tx) =>
        paymentMethodRepository.setCustomerDefault(tx, livemode, customer.id, row.id, clock.now()),
      );
      return { row, defaultId: row.id };
    },

    /**
     * Detaches a method. The last one of a customer who still has a live subscription is refused
     * (400 on `payment_method`): renewals would have nothing to charge.
     */
    async detach(livemode: boolean, customerId: string, paymentMethodId: string): Promise<void> {
      const customer = await customerOf(livemode, customerId);
      const atMs = clock.now();
      await db.transaction(async (tx) => {
        const row = await paymentMethodRepository.find(tx, livemode, paymentMethodId);
        if (!row || row.customerId !== customer.id)
          throw new NotFound('payment_method', paymentMethodId, 'payment_method');
        const all = await paymentMethodRepository.listForCustomer(tx, livemode, customer.id);
        if (
          all.length === 1 &&
          (await paymentMethodRepository.hasLiveSubscription(tx, livemode, customer.id))
        ) {
          throw new InvalidRequest(
            'This is the only payment method of a customer with an active subscription; add another one first',
            'payment_method',
            'payment_method_required',
          );
        }
        await paymentMethodRepository.detach(tx, livemode, row.id, atMs);
        const current = await findCustomer(tx, livemode, customer.id);
        if (current?.defaultPaymentMethodId === row.id) {
          const next = all.find((m) => m.id !== row.id) ?? null;
          await paymentMethodRepository.setCustomerDefault(tx, livemode, customer.id, next?.id ?? null, atMs);
        }
        await recordEvent(tx, {
          livemode,
          type: 'payment_method.detached',
          data: toPaymentMethod({ ...row, detachedAt: atMs }, null),
          dedupeKey: `payment_method.detached:${row.id}`,
          atMs,
          id: ids.next('evt'),
        });
      });
    },
  };
}
export type PaymentMethodService = ReturnType<typeof paymentMethodService>;
