import type { TaxIdType, TaxIdVerificationResult } from '@abona/core';
import type { OnlineTaxIdVerifier } from './types.js';

/** The European Commission's VIES REST API (`POST /check-vat-number`). */
export const VIES_BASE_URL = 'https://ec.europa.eu/taxation_customs/vies/rest-api';

export interface ViesVerifierOptions {
  /** A `fetch` to call VIES with (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  /** Without a trailing slash; {@link VIES_BASE_URL} by default. */
  baseUrl?: string;
  /** Upper bound of one call (ms), whatever the caller asks; default 10 s. */
  timeoutMs?: number;
}

/** VIES `userError` values that are an answer about the number, not about the service. */
const DEFINITE = new Set(['VALID', 'INVALID', 'INVALID_INPUT']);

const UNAVAILABLE: TaxIdVerificationResult = { status: 'unavailable' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** VIES prints `---` where a member state does not disclose the name or address (Germany, Spain…). */
function disclosed(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || /^-+$/.test(trimmed) ? undefined : trimmed;
}

/** The error codes of a VIES failure body: `{ actionSucceed: false, errorWrappers: [{ error }] }`. */
function errorCodes(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.errorWrappers)) return [];
  return body.errorWrappers.flatMap((w: unknown) => (isRecord(w) && typeof w.error === 'string' ? [w.error] : []));
}

/**
 * Reads a VIES answer. Only a definite answer about the number counts: `valid: true` is
 * `verified`, `valid: false` (userError `INVALID`) and `INVALID_INPUT` (VIES rejects the number
 * itself) are `unverified`; everything else (`MS_UNAVAILABLE`, `TIMEOUT`,
 * `SERVICE_UNAVAILABLE`, `*_MAX_CONCURRENT_REQ`, a body we do not understand, a non-2xx
 * status) is `unavailable`, which says nothing about the number.
 */
export function viesResult(httpStatus: number, body: unknown): TaxIdVerificationResult {
  const codes = errorCodes(body);
  if (codes.length > 0) return codes.every((code) => code === 'INVALID_INPUT') ? { status: 'unverified' } : UNAVAILABLE;
  if (httpStatus < 200 || httpStatus > 299 || !isRecord(body)) return UNAVAILABLE;
  if (body.actionSucceed === false) return UNAVAILABLE;
  const userError = typeof body.userError === 'string' ? body.userError : undefined;
  if (userError !== undefined && !DEFINITE.has(userError)) return UNAVAILABLE;
  if (userError === 'INVALID_INPUT') return { status: 'unverified' };
  if (body.valid === true) {
    const result: TaxIdVerificationResult = { status: 'verified' };
    const name = disclosed(body.name);
    const address = disclosed(body.address);
    if (name !== undefined) result.name = name;
    if (address !== undefined) result.address = address;
    return result;
  }
  if (body.valid === false) return { status: 'unverified' };
  return UNAVAILABLE;
}

/** `DE136695976` → `{ countryCode: 'DE', vatNumber: '136695976' }` (VIES wants `EL` for Greece, `XI` for Northern Ireland: the prefixes as written). */
function splitVatId(normalized: string): { countryCode: string; vatNumber: string } | undefined {
  const match = /^([A-Z]{2})([0-9A-Z+*]{2,14})$/.exec(normalized);
  return match?.[1] && match[2] ? { countryCode: match[1], vatNumber: match[2] } : undefined;
}

/**
 * The VIES verifier for `eu_vat` ids. It never rejects and always settles within the smaller of
 * its own `timeoutMs` and the caller's: a slow or down VIES (or member state) is `unavailable`,
 * and the id stays `pending` until a later check. The request is aborted at the deadline.
 */
export function viesVerifier(options: ViesVerifierOptions = {}): OnlineTaxIdVerifier {
  const doFetch = options.fetch ?? globalThis.fetch;
  const baseUrl = (options.baseUrl ?? VIES_BASE_URL).replace(/\/+$/, '');
  const capMs = options.timeoutMs ?? 10_000;

  async function ask(countryCode: string, vatNumber: string, signal: AbortSignal): Promise<TaxIdVerificationResult> {
    const res = await doFetch(`${baseUrl}/check-vat-number`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ countryCode, vatNumber }),
      signal,
    });
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return UNAVAILABLE;
    }
    return viesResult(res.status, body);
  }

  return {
    name: 'vies',
    types: ['eu_vat'],
    async verify(type: TaxIdType, normalized: string, { timeoutMs }): Promise<TaxIdVerificationResult> {
      const parts = type === 'eu_vat' ? splitVatId(normalized) : undefined;
      if (!parts) return UNAVAILABLE;
      const limitMs = Math.max(0, Math.min(capMs, timeoutMs));
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      // The race, not only the abort: a `fetch` that ignores its signal still cannot hold us.
      const deadline = new Promise<TaxIdVerificationResult>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          resolve(UNAVAILABLE);
        }, limitMs);
      });
      try {
        return await Promise.race([ask(parts.countryCode, parts.vatNumber, controller.signal).catch(() => UNAVAILABLE), deadline]);
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    },
  };
}
