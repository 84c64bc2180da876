import { describe, expect, it } from 'vitest';
import { tokenizeTestCard, tokenizeTestSepaDebit } from '../../src/gateway/index.js';
import { NOW_MS } from './helpers.js';

const card = { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' };

function codeOf(fn: () => unknown): { code: string; param: string | undefined } {
  try {
    fn();
  } catch (error) {
    const { code, param } = error as { code: string; param: string | undefined };
    return { code, param };
  }
  throw new Error('did not throw');
}

describe('tokenizeTestCard', () => {
  it('keeps brand, last 4, expiry and funding, and the behavior', () => {
    expect(tokenizeTestCard(card, NOW_MS)).toEqual({
      card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, funding: 'credit' },
      behavior: 'succeed',
    });
    expect(tokenizeTestCard({ ...card, number: '4000 0566 5566 5556', exp_month: '03', exp_year: '29' }, NOW_MS)).toEqual({
      card: { brand: 'visa', last4: '5556', expMonth: 3, expYear: 2029, funding: 'debit' },
      behavior: 'succeed',
    });
    expect(tokenizeTestCard({ ...card, number: '378282246310005', cvc: '1234' }, NOW_MS).card.brand).toBe('amex');
  });

  it('rejects bad numbers with invalid_number', () => {
    expect(codeOf(() => tokenizeTestCard({ ...card, number: '4242424242424241' }, NOW_MS))).toEqual({
      code: 'invalid_number',
      param: 'number',
    });
    expect(codeOf(() => tokenizeTestCard({ ...card, number: '424242424242424' }, NOW_MS)).code).toBe('invalid_number');
    expect(codeOf(() => tokenizeTestCard({ ...card, number: '4242abcd42424242' }, NOW_MS)).code).toBe('invalid_number');
    expect(codeOf(() => tokenizeTestCard({ ...card, number: '' }, NOW_MS)).code).toBe('invalid_number');
  });

  it('rejects valid numbers that are not test cards', () => {
    // 4111 1111 1111 1111 passes Luhn but is not one of Stripe's test cards.
    expect(codeOf(() => tokenizeTestCard({ ...card, number: '4111111111111111' }, NOW_MS))).toEqual({
      code: 'test_mode_live_card',
      param: 'number',
    });
  });

  it('rejects bad or past expiry with invalid_expiry', () => {
    expect(codeOf(() => tokenizeTestCard({ ...card, exp_month: 13 }, NOW_MS))).toEqual({ code: 'invalid_expiry', param: 'exp_month' });
    expect(codeOf(() => tokenizeTestCard({ ...card, exp_month: 0 }, NOW_MS)).code).toBe('invalid_expiry');
    expect(codeOf(() => tokenizeTestCard({ ...card, exp_month: 'ab' }, NOW_MS)).code).toBe('invalid_expiry');
    expect(codeOf(() => tokenizeTestCard({ ...card, exp_year: 2077 }, NOW_MS))).toEqual({ code: 'invalid_expiry', param: 'exp_year' });
    // Now is 2026-11-26: a card expiring 10/2026 ended on 2026-10-31.
    expect(codeOf(() => tokenizeTestCard({ ...card, exp_month: 10, exp_year: 2026 }, NOW_MS))).toEqual({
      code: 'invalid_expiry',
      param: 'exp_year',
    });
  });

  it('accepts a card through the last instant of its expiry month', () => {
    const lastMsOfNovember = Date.UTC(2026, 11, 1) - 1;
    expect(tokenizeTestCard({ ...card, exp_month: 11, exp_year: 2026 }, lastMsOfNovember).card.expMonth).toBe(11);
    // One millisecond later it is December 1st and 11/2026 has expired.
    expect(codeOf(() => tokenizeTestCard({ ...card, exp_month: 11, exp_year: 2026 }, lastMsOfNovember + 1)).code).toBe(
      'invalid_expiry',
    );
  });

  it('rejects a bad CVC with invalid_cvc (3 digits, 4 for Amex)', () => {
    expect(codeOf(() => tokenizeTestCard({ ...card, cvc: '12' }, NOW_MS))).toEqual({ code: 'invalid_cvc', param: 'cvc' });
    expect(codeOf(() => tokenizeTestCard({ ...card, cvc: '1234' }, NOW_MS)).code).toBe('invalid_cvc');
    expect(codeOf(() => tokenizeTestCard({ ...card, number: '378282246310005', cvc: '123' }, NOW_MS)).code).toBe('invalid_cvc');
  });
});

describe('tokenizeTestSepaDebit', () => {
  it('keeps country, bank code and last 4', () => {
    expect(tokenizeTestSepaDebit({ iban: 'de89 3704 0044 0532 0130 00' })).toEqual({
      sepaDebit: { country: 'DE', bankCode: '37040044', last4: '3000' },
      behavior: 'settle_succeed',
    });
    expect(tokenizeTestSepaDebit({ iban: 'DE62370400440532013001' }).behavior).toBe('settle_fail');
  });

  it('rejects invalid and real IBANs', () => {
    expect(codeOf(() => tokenizeTestSepaDebit({ iban: 'DE88370400440532013000' }))).toEqual({ code: 'invalid_iban', param: 'iban' });
    expect(codeOf(() => tokenizeTestSepaDebit({ iban: 'GB82WEST12345698765432' })).code).toBe('test_mode_live_card');
  });
});
