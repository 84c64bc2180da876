import { AbonaApiError } from './api-error.js';

/**
 * The error of a non-2xx answer, from the server's envelope `{error:{type, code, message, param,
 * decline_code}}` when it has one, else from the status alone. Shared by `fetchJson` and the
 * pricing table's own load path (pricing/load-failure.ts).
 */
export function errorFromEnvelope(body: unknown, status: number): AbonaApiError {
  const error = (body as { error?: { type?: unknown; code?: unknown; message?: unknown; param?: unknown; decline_code?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : typeof error?.type === 'string' ? error.type : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `Request failed with status ${status}.`;
  const options: { status: number; param?: string; declineCode?: string } = { status };
  if (typeof error?.param === 'string') options.param = error.param;
  if (typeof error?.decline_code === 'string') options.declineCode = error.decline_code;
  return new AbonaApiError('api', code, message, options);
}
