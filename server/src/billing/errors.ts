import { CoreError } from '@abona/core';
import { InvalidRequest, PaymentFailed } from '../errors/index.js';

/**
 * 402 `card_error` for a declined payment, naming `payment_method` as the parameter at fault so
 * the checkout form can show the message next to the card field.
 */
export class CardDeclined extends PaymentFailed {
  constructor(message: string, declineCode: string, param = 'payment_method') {
    super(message, 'card_declined', declineCode);
    this.name = 'CardDeclined';
    // `param` is read-only on ApiError and PaymentFailed does not take one.
    Object.defineProperty(this, 'param', { value: param });
  }
}

/**
 * A gateway's refusal of our input (bad card data, unknown token, used token) as a 400 naming the
 * field under `prefix`: `payment_method[card][number]`. Anything else is rethrown as it is.
 */
export function asPaymentMethodError(error: unknown, prefix = 'payment_method'): unknown {
  if (error instanceof CoreError && error.code !== 'invariant_violated') {
    const field = error.param && ['number', 'exp_month', 'exp_year', 'cvc', 'iban'].includes(error.param) ? `${prefix}[${error.param}]` : prefix;
    return new InvalidRequest(error.message, field, error.code === 'resource_missing' ? 'payment_method_invalid' : error.code);
  }
  return error;
}
