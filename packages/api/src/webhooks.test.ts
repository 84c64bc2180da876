import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Stripe from 'stripe';
import { parseSignatureHeader, signWebhook, verifyWebhook, WebhookSignatureError } from './webhooks.js';

// The official SDK is the reference implementation of the scheme; no network is used.
const stripe = new Stripe('sk_test_signature_only');
const SECRET = 'whsec_test_secret_0123456789';
const PAYLOAD = JSON.stringify({ id: 'evt_000001', object: 'event', type: 'invoice.paid', created: '2025-01-15T12:00:00.000Z', livemode: false, data: { object: { id: 'in_1' } } });
const nowSec = () => Math.floor(Date.now() / 1000);

async function rejection(promise: Promise<unknown>): Promise<WebhookSignatureError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error;
    throw error;
  }
  throw new Error('expected a WebhookSignatureError');
}

describe('signWebhook', () => {
  it('matches a known HMAC-SHA256 vector (computed with openssl)', async () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_abc'
    expect(await signWebhook('{"a":1}', 'whsec_abc', 1_700_000_000)).toBe('t=1700000000,v1=3b843bacfb18cc5554542fdcc84d815b399c52758e508a6fcecf0a2af4efea2b');
  });

  it('is verified by the official stripe SDK', async () => {
    const header = await signWebhook(PAYLOAD, SECRET, nowSec());
    const event = stripe.webhooks.constructEvent(PAYLOAD, header, SECRET);
    expect(event.id).toBe('evt_000001');
  });

  it('verifies what the stripe SDK signs (generateTestHeaderString)', async () => {
    const timestamp = nowSec();
    const header = stripe.webhooks.generateTestHeaderString({ payload: PAYLOAD, secret: SECRET, timestamp });
    expect(header).toBe(await signWebhook(PAYLOAD, SECRET, timestamp));
    expect((await verifyWebhook(PAYLOAD, header, SECRET)).type).toBe('invoice.paid');
  });

  it('agrees with stripe for any payload, secret and timestamp', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4_000_000_000 }), async (payload, secret, timestamp) => {
        // From 1: stripe reads a timestamp of 0 as "not given" and uses the wall clock.
        const ours = await signWebhook(payload, secret, timestamp);
        expect(ours).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('verifyWebhook', () => {
  it('parses a genuine event', async () => {
    const header = await signWebhook(PAYLOAD, SECRET, 1_736_942_400);
    const event = await verifyWebhook(PAYLOAD, header, SECRET, { nowSec: 1_736_942_400 + 299 });
    expect(event).toEqual(JSON.parse(PAYLOAD));
  });

  it('refuses a missing, malformed or forged header', async () => {
    expect((await rejection(verifyWebhook(PAYLOAD, undefined, SECRET))).code).toBe('missing_header');
    expect((await rejection(verifyWebhook(PAYLOAD, '  ', SECRET))).code).toBe('missing_header');
    expect((await rejection(verifyWebhook(PAYLOAD, 'v1=abc', SECRET))).code).toBe('malformed_header');
    expect((await rejection(verifyWebhook(PAYLOAD, 't=1736942400', SECRET))).code).toBe('malformed_header');
    const header = await signWebhook(PAYLOAD, 'whsec_other', 1_736_942_400);
    expect((await rejection(verifyWebhook(PAYLOAD, header, SECRET, { nowSec: 1_736_942_400 }))).code).toBe('no_signature_match');
    // A body altered by one character no longer matches.
    const good = await signWebhook(PAYLOAD, SECRET, 1_736_942_400);
    expect((await rejection(verifyWebhook(PAYLOAD.replace('in_1', 'in_2'), good, SECRET, { nowSec: 1_736_942_400 }))).code).toBe('no_signature_match');
    // Stripe's v0 test scheme is never trusted, even when it carries the right hex.
    expect((await rejection(verifyWebhook(PAYLOAD, good.replace('v1=', 'v0='), SECRET, { nowSec: 1_736_942_400 }))).code).toBe('malformed_header');
  });

  it('refuses a timestamp outside the tolerance, both ways', async () => {
    const t = 1_736_942_400;
    const header = await signWebhook(PAYLOAD, SECRET, t);
    // 301 s late and 301 s early are both more than the 300 s default.
    expect((await rejection(verifyWebhook(PAYLOAD, header, SECRET, { nowSec: t + 301 }))).code).toBe('timestamp_outside_tolerance');
    expect((await rejection(verifyWebhook(PAYLOAD, header, SECRET, { nowSec: t - 301 }))).code).toBe('timestamp_outside_tolerance');
    expect((await verifyWebhook(PAYLOAD, header, SECRET, { nowSec: t + 3600, toleranceSec: 3600 })).id).toBe('evt_000001');
  });

  it('accepts any of several v1 signatures (secret rotation)', async () => {
    const t = 1_736_942_400;
    const oldSig = (await signWebhook(PAYLOAD, 'whsec_old', t)).split(',')[1];
    const newSig = (await signWebhook(PAYLOAD, SECRET, t)).split(',')[1];
    const header = `t=${t},${oldSig},${newSig}`;
    expect((await verifyWebhook(PAYLOAD, header, SECRET, { nowSec: t })).id).toBe('evt_000001');
    expect((await verifyWebhook(PAYLOAD, header, 'whsec_old', { nowSec: t })).id).toBe('evt_000001');
    expect(parseSignatureHeader(header).signatures).toHaveLength(2);
  });

  it('refuses a signed body that is not JSON', async () => {
    const header = await signWebhook('not json', SECRET, 1_736_942_400);
    expect((await rejection(verifyWebhook('not json', header, SECRET, { nowSec: 1_736_942_400 }))).code).toBe('invalid_payload');
  });

  it('never accepts a header signed with another secret (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 100 }), fc.string({ minLength: 1, maxLength: 30 }), fc.string({ minLength: 1, maxLength: 30 }), async (payload, a, b) => {
        fc.pre(a !== b);
        const header = await signWebhook(payload, a, 1_736_942_400);
        const error = await rejection(verifyWebhook(payload, header, b, { nowSec: 1_736_942_400 }));
        expect(error.code).toBe('no_signature_match');
      }),
      { numRuns: 100 },
    );
  });
});
