/**
 * Webhook signatures, Stripe's scheme exactly: the header is `t=<unix seconds>,v1=<hex>`, where
 * the hex is HMAC-SHA256 keyed with the whole endpoint secret (`whsec_…`) over `${t}.${payload}`.
 * WebCrypto only (`crypto.subtle`), so it runs in browsers, workers and Node ≥ 20 alike.
 */

/** The header Abona signs deliveries with. */
export const WEBHOOK_SIGNATURE_HEADER = 'Abona-Signature';

/** How far (seconds) a signature's timestamp may be from now before it is refused as a replay. */
export const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;

/** Why a webhook was refused. */
export type WebhookSignatureErrorCode = 'missing_header' | 'malformed_header' | 'no_signature_match' | 'timestamp_outside_tolerance' | 'invalid_payload';

/** Thrown by {@link verifyWebhook}: the request is not a genuine, fresh Abona webhook. */
export class WebhookSignatureError extends Error {
  readonly code: WebhookSignatureErrorCode;
  constructor(code: WebhookSignatureErrorCode, message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
    this.code = code;
  }
}

/** An event as delivered: the same shape `GET /v1/events/:id` answers. */
export interface WebhookEvent {
  id: string;
  object: 'event';
  type: string;
  /** ISO-8601 UTC instant of the business change. */
  created: string;
  livemode: boolean;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
}

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Compares two strings in time that depends only on their length, so a forger learns nothing
 * from how long a wrong guess took.
 */
function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The `Abona-Signature` header value for `payload` (the exact body bytes as text).
 * @param timestampSec unix seconds written into `t=`.
 * @example await signWebhook('{"id":"evt_1"}', 'whsec_abc', 1736942400) // "t=1736942400,v1=5f…"
 */
export async function signWebhook(payload: string, secret: string, timestampSec: number): Promise<string> {
  if (!Number.isSafeInteger(timestampSec) || timestampSec < 0) throw new RangeError('timestampSec must be a non-negative integer of unix seconds');
  return `t=${timestampSec},v1=${await hmacHex(secret, `${timestampSec}.${payload}`)}`;
}

/** The parts of a signature header: its timestamp and every `v1` signature (several during secret rotation). */
export function parseSignatureHeader(header: string): { timestampSec: number; signatures: string[] } {
  let timestampSec: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,15}$/.test(value)) timestampSec = Number(value);
    // Other schemes (Stripe's test `v0`) are ignored, never trusted.
    else if (key === 'v1' && value !== '') signatures.push(value.toLowerCase());
  }
  if (timestampSec === undefined) throw new WebhookSignatureError('malformed_header', 'The signature header has no valid timestamp (t=…)');
  if (signatures.length === 0) throw new WebhookSignatureError('malformed_header', 'The signature header has no v1 signature');
  return { timestampSec, signatures };
}

export interface VerifyWebhookOptions {
  /** Largest accepted distance between the signature's timestamp and now, seconds (default 300). */
  toleranceSec?: number;
  /** Now as unix seconds (default: the wall clock). */
  nowSec?: number;
}

/**
 * Checks that `payload` was signed with `secret` recently, then parses it.
 *
 * Accepts the header when ANY `v1` signature matches, so a receiver keeps working while the
 * vendor rotates secrets. Pass the raw body text, exactly as received: re-serialized JSON would
 * not match.
 * @throws WebhookSignatureError missing or malformed header, no matching signature, a timestamp
 *   more than `toleranceSec` away from now, or a body that is not JSON.
 */
export async function verifyWebhook(payload: string, header: string | null | undefined, secret: string, options: VerifyWebhookOptions = {}): Promise<WebhookEvent> {
  if (header === null || header === undefined || header.trim() === '') {
    throw new WebhookSignatureError('missing_header', `The ${WEBHOOK_SIGNATURE_HEADER} header is missing`);
  }
  const { timestampSec, signatures } = parseSignatureHeader(header);
  const expected = await hmacHex(secret, `${timestampSec}.${payload}`);
  // Every candidate is compared, so the time taken does not tell which one matched.
  let matched = false;
  for (const signature of signatures) matched = timingSafeEqual(signature, expected) || matched;
  if (!matched) throw new WebhookSignatureError('no_signature_match', 'No signature matches the payload: check the endpoint secret and that the body is the raw text');

  const toleranceSec = options.toleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
  const nowSec = options.nowSec ?? Math.floor(Date.now() / 1000);
  if (toleranceSec > 0 && Math.abs(nowSec - timestampSec) > toleranceSec) {
    throw new WebhookSignatureError('timestamp_outside_tolerance', `The signature timestamp is more than ${toleranceSec} s away from now`);
  }
  try {
    return JSON.parse(payload) as WebhookEvent;
  } catch {
    throw new WebhookSignatureError('invalid_payload', 'The signed payload is not JSON');
  }
}
