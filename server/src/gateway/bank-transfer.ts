import { createHash } from 'node:crypto';
import type { BankTransferInstructions } from './types.js';

/**
 * Demo receiving accounts. The IBAN is well-formed (mod 97) so forms and copy buttons behave;
 * the US numbers are Stripe's test routing/account numbers.
 */
const SANDBOX_IBAN = 'DE64370400440000123456';
const SANDBOX_BIC = 'SNDBDEFFXXX';
const SANDBOX_SORT_CODE = '10-88-00';
const SANDBOX_GB_ACCOUNT = '00012345';
const SANDBOX_US_ROUTING = '110000000';
const SANDBOX_US_ACCOUNT = '000123456789';

/**
 * The reference a customer writes on the transfer so it can be matched: stable per customer,
 * 12 upper-case characters like Stripe's, derived from the customer reference.
 */
export function transferReference(customerRef: string | undefined): string {
  if (customerRef === undefined) return 'ABONASANDBOX';
  return `AB${createHash('sha256').update(customerRef).digest('hex').slice(0, 10).toUpperCase()}`;
}

/** Where to send a `currency` transfer in the sandbox: sort code for GBP, ABA for USD, IBAN otherwise. */
export function sandboxBankTransferInstructions(
  currency: string,
  customerRef: string | undefined,
  accountHolderName: string,
): BankTransferInstructions {
  const base = {
    currency,
    accountHolderName,
    bankName: 'Abona Sandbox Bank',
    iban: null,
    bic: null,
    sortCode: null,
    accountNumber: null,
    routingNumber: null,
    reference: transferReference(customerRef),
  };
  if (currency === 'GBP') return { ...base, sortCode: SANDBOX_SORT_CODE, accountNumber: SANDBOX_GB_ACCOUNT };
  if (currency === 'USD') return { ...base, routingNumber: SANDBOX_US_ROUTING, accountNumber: SANDBOX_US_ACCOUNT };
  return { ...base, iban: SANDBOX_IBAN, bic: SANDBOX_BIC };
}
