import { AbonaApiError } from '../api/api-error.js';
import type { PortalTokenWire } from './portal-types.js';

/** How the portal signs in: a one-time code, the vendor's endpoint that mints one, or both. */
export interface PortalSignIn {
  apiBase: string;
  /** The `session` attribute: a one-time code from `POST /v1/portal_sessions`. Used once. */
  code?: string | undefined;
  /** The `session-endpoint` attribute: a URL on the vendor's backend answering `{ code }` to a POST with cookies. */
  endpoint?: string | undefined;
}

/** A signed-in portal: requests under `/v1/portal` with the customer's bearer token. */
export interface PortalClient {
  /** The token's session details (flow, locale, return URL), after the first sign-in. */
  readonly session: PortalTokenWire | undefined;
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
  /** A file (an invoice PDF) with the bearer token in the header, never in a URL. */
  blob(path: string): Promise<Blob>;
  /** Revokes the token on the server and forgets it. */
  logout(): Promise<void>;
}

/** Refresh a token this long before the server's expiry, so a request never races it. */
const earlyRefreshMs = 60_000;

/**
 * Creates the portal's client. The token lives in this closure only (never in storage, never in
 * the DOM): a reload signs in again. An expired or revoked token is replaced by asking the
 * vendor's session endpoint for a new code, once per failed request.
 *
 * @example
 * const client = createPortalClient({ apiBase: '/abona', endpoint: '/account/billing-session' });
 * const subs = await client.get<ListWire<PortalSubscription>>('/subscriptions');
 */
export function createPortalClient(signIn: PortalSignIn): PortalClient {
  let token: { value: string; expiresAtMs: number } | undefined;
  let session: PortalTokenWire | undefined;
  let codeUsed = false;
  let pending: Promise<string> | undefined;

  async function nextCode(): Promise<string> {
    if (signIn.code && !codeUsed) {
      codeUsed = true;
      return signIn.code;
    }
    if (!signIn.endpoint) {
      throw new AbonaApiError('api', 'portal_session_expired', 'The portal session has expired and no session-endpoint is set to renew it.', { status: 401 });
    }
    const body = await fetchJson(new URL(signIn.endpoint, document.baseURI), { method: 'POST', credentials: 'include', headers: { Accept: 'application/json' } });
    const code = (body as { code?: unknown }).code;
    if (typeof code !== 'string' || code === '') {
      throw new AbonaApiError('configuration', 'invalid_session_endpoint', `Abona: the session-endpoint (${signIn.endpoint}) must answer JSON { "code": "…" } from POST /v1/portal_sessions.`, { param: 'session-endpoint' });
    }
    return code;
  }

  async function exchange(): Promise<string> {
    const code = await nextCode();
    const wire = (await fetchJson(url('/token'), { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ code }), credentials: 'omit' })) as PortalTokenWire;
    session = wire;
    token = { value: wire.token, expiresAtMs: Date.parse(wire.expires_at) };
    return wire.token;
  }

  function currentToken(): Promise<string> {
    if (token && token.expiresAtMs - earlyRefreshMs > Date.now()) return Promise.resolve(token.value);
    pending ??= exchange().finally(() => (pending = undefined));
    return pending;
  }

  function url(path: string): URL {
    return new URL(`${signIn.apiBase}/v1/portal${path}`, document.baseURI);
  }

  async function download(path: string, retried = false): Promise<Blob> {
    const bearer = await currentToken();
    let response: Response;
    try {
      response = await fetch(url(path), { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/pdf' }, credentials: 'omit' });
    } catch {
      throw new AbonaApiError('network', 'network_error', `Could not reach ${url(path).origin}.`);
    }
    if (response.status === 401 && !retried && signIn.endpoint) {
      token = undefined;
      return download(path, true);
    }
    if (!response.ok) throw new AbonaApiError('api', `http_${response.status}`, `Request failed with status ${response.status}.`, { status: response.status });
    return response.blob();
  }

  async function send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, signal: AbortSignal | undefined, retried = false): Promise<T> {
    const bearer = await currentToken();
    const headers: Record<string, string> = { Authorization: `Bearer ${bearer}`, Accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'omit', signal: signal ?? null };
    // One key per action: a request retried after a dropped answer is not applied twice.
    if (method !== 'GET') headers['Idempotency-Key'] = crypto.randomUUID();
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body ?? {});
    }
    try {
      return (await fetchJson(url(path), init)) as T;
    } catch (error) {
      // The token expired or was revoked mid-visit: sign in again once, then repeat the request.
      if (!retried && error instanceof AbonaApiError && error.status === 401 && signIn.endpoint) {
        token = undefined;
        return send<T>(method, path, body, signal, true);
      }
      throw error;
    }
  }

  return {
    get session() {
      return session;
    },
    get: (path, signal) => send('GET', path, undefined, signal),
    post: (path, body) => send('POST', path, body, undefined),
    del: (path) => send('DELETE', path, undefined, undefined),
    blob: (path) => download(path),
    async logout() {
      if (!token) return;
      try {
        await send('POST', '/logout', {}, undefined, true);
      } finally {
        token = undefined;
      }
    },
  };
}

async function fetchJson(url: URL, init: RequestInit): Promise<object> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new AbonaApiError('network', 'network_error', `Could not reach ${url.origin}.`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { type?: unknown; code?: unknown; message?: unknown; param?: unknown; decline_code?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : typeof error?.type === 'string' ? error.type : `http_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : `Request failed with status ${response.status}.`;
    const options: { status: number; param?: string; declineCode?: string } = { status: response.status };
    if (typeof error?.param === 'string') options.param = error.param;
    // A decline's reason, so the portal can say it in plain words (insufficient funds…).
    if (typeof error?.decline_code === 'string') options.declineCode = error.decline_code;
    throw new AbonaApiError('api', code, message, options);
  }
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new AbonaApiError('invalid_response', 'invalid_response', `Expected JSON from ${url.pathname}.`, { status: response.status });
  }
  return body;
}
