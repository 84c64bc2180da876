import { describe, it, expect, beforeEach } from 'vitest';
import { Email, ErrorEnvelope, listOf } from '@abona/api';
import { emails } from '../../src/db/schema.js';
import { deliverQueuedEmails, sendTemplate, storeMailer, type EmailRecipient } from '../../src/email/index.js';
import { SK_LIVE, START_MS, setup, type Harness } from '../helpers.js';

let h: Harness;
let ana: EmailRecipient;
beforeEach(async () => {
  h = await setup();
  ana = { id: 'cus_1', email: 'ana@example.ro', name: 'Ana Pop', locale: 'ro' };
});

const mailer = storeMailer({ portalUrl: 'https://shop.example.com/account' });
const receipt = { amountMinor: 2900, currency: 'EUR', paidAtMs: START_MS, invoiceNumber: 'ABN-0001' };

describe('emails (store transport)', () => {
  it('stores a rendered email once per dedupe key, listable and readable through the API', async () => {
    const first = await sendTemplate(h.db, mailer, { livemode: false, customer: ana, template: 'receipt', data: receipt, dedupeKey: 'receipt:pay_1', atMs: START_MS, ids: h.ids });
    expect(first?.created).toBe(true);
    expect(first?.email).toMatchObject({ to: 'ana@example.ro', template: 'receipt', locale: 'ro', status: 'stored', customerId: 'cus_1' });
    // The same business event again (a retried job): nothing new, the first email comes back.
    const again = await sendTemplate(h.db, mailer, { livemode: false, customer: ana, template: 'receipt', data: { ...receipt, amountMinor: 1 }, dedupeKey: 'receipt:pay_1', atMs: START_MS + 1, ids: h.ids });
    expect(again).toEqual({ email: first?.email, created: false });

    const list = listOf(Email).parse(await h.json('GET', '/v1/emails'));
    expect(list.data).toHaveLength(1);
    const email = list.data[0]!;
    expect(email).toMatchObject({
      object: 'email',
      customer: 'cus_1',
      to: 'ana@example.ro',
      subject: 'Chitanță pentru plata de 29,00\u00a0€',
      template: 'receipt',
      locale: 'ro',
      status: 'stored',
      sent_at: null,
      error: null,
      livemode: false,
      created: '2025-01-15T12:00:00.000Z',
    });
    // The seller's name (default seller) signs it.
    expect(email.text).toContain('Mulțumim,\nAbona Demo SRL');
    expect(await h.json('GET', `/v1/emails/${email.id}`)).toEqual(email);
    expect((await h.call('GET', '/v1/emails/em_missing')).status).toBe(404);
  });

  it('filters by customer and template; live emails stay in live mode', async () => {
    const bob: EmailRecipient = { id: 'cus_2', email: 'bob@example.com', name: null, locale: null };
    await sendTemplate(h.db, mailer, { livemode: false, customer: ana, template: 'receipt', data: receipt, dedupeKey: 'r:1', atMs: START_MS, ids: h.ids });
    await sendTemplate(h.db, mailer, { livemode: false, customer: bob, template: 'receipt', data: receipt, dedupeKey: 'r:2', atMs: START_MS + 1, ids: h.ids });
    await sendTemplate(h.db, mailer, {
      livemode: false,
      customer: bob,
      template: 'cancellation_confirmed',
      data: { planName: 'Pro', accessEndsAtMs: START_MS },
      dedupeKey: 'c:2',
      atMs: START_MS + 2,
      ids: h.ids,
    });
    await sendTemplate(h.db, mailer, { livemode: true, customer: bob, template: 'receipt', data: receipt, dedupeKey: 'r:2', atMs: START_MS, ids: h.ids });

    const ids = async (query: string, key?: string) => (await h.json<{ data: { to: string; template: string }[] }>('GET', `/v1/emails${query}`, key ? { key } : {})).data.map((e) => `${e.to} ${e.template}`);
    expect(await ids('')).toEqual(['bob@example.com cancellation_confirmed', 'bob@example.com receipt', 'ana@example.ro receipt']);
    expect(await ids('?customer=cus_2')).toEqual(['bob@example.com cancellation_confirmed', 'bob@example.com receipt']);
    expect(await ids('?customer=cus_2&template=receipt')).toEqual(['bob@example.com receipt']);
    expect(await ids('?limit=1')).toEqual(['bob@example.com cancellation_confirmed']);
    expect(await ids('', SK_LIVE)).toEqual(['bob@example.com receipt']);
    // Bob has no locale: English. The same dedupe key in live mode is a different email.
    const [bobEmail] = (await h.json<{ data: { locale: string; subject: string }[] }>('GET', '/v1/emails?customer=cus_2&template=receipt')).data;
    expect(bobEmail).toMatchObject({ locale: 'en', subject: 'Receipt for your payment of €29.00' });
    expect(ErrorEnvelope.parse(await h.json('GET', '/v1/emails?template=newsletter', {}, 400)).error.param).toBe('template');
  });

  it('commits or rolls back with the caller’s transaction', async () => {
    await expect(
      h.db.transaction(async (tx) => {
        await sendTemplate(tx, mailer, { livemode: false, customer: ana, template: 'receipt', data: receipt, dedupeKey: 'r:tx', atMs: START_MS, ids: h.ids });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await h.db.select().from(emails)).toEqual([]);

    await h.db.transaction(async (tx) => {
      await sendTemplate(tx, mailer, { livemode: false, customer: ana, template: 'receipt', data: receipt, dedupeKey: 'r:tx', atMs: START_MS, ids: h.ids });
    });
    expect(await h.db.select().from(emails)).toHaveLength(1);
  });

  it('skips a customer without an email address; the store transport never sends', async () => {
    expect(await sendTemplate(h.db, mailer, { livemode: false, customer: { ...ana, email: null }, template: 'receipt', data: receipt, dedupeKey: 'r:none', atMs: START_MS })).toBeUndefined();
    await sendTemplate(h.db, mailer, { livemode: false, customer: ana, template: 'receipt', data: receipt, dedupeKey: 'r:x', atMs: START_MS, ids: h.ids });
    expect(await deliverQueuedEmails(h.db, mailer, { now: START_MS })).toEqual([]);
  });

  it('an explicit locale overrides the customer’s', async () => {
    const result = await sendTemplate(h.db, mailer, { livemode: false, customer: ana, template: 'invoice', locale: 'de-DE', data: { amountDueMinor: 2900, currency: 'EUR', invoiceNumber: 'ABN-7' }, dedupeKey: 'i:7', atMs: START_MS, ids: h.ids });
    expect(result?.email).toMatchObject({ locale: 'de-DE', subject: 'Ihre Rechnung ABN-7' });
  });
});
