import { InvalidRequest } from '../../errors/index.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** IP literals of loopback, private and link-local networks: never a live webhook target. */
function isPrivateHost(hostname: string): boolean {
  if (LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(hostname);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (hostname.startsWith('[')) {
    const v6 = hostname.slice(1, -1).toLowerCase();
    return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:');
  }
  return false;
}

/**
 * Checks a webhook URL: https always (to a public host in live mode); plain http only to
 * localhost / 127.0.0.1 / [::1] in test mode, for a vendor's development receiver. No
 * credentials in the URL (they would be logged), no fragment.
 * @throws InvalidRequest naming `param`.
 */
export function checkWebhookUrl(raw: string, livemode: boolean, param = 'url'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidRequest('url must be an absolute URL such as https://example.com/webhooks', param, 'url_invalid');
  }
  if (url.username !== '' || url.password !== '') throw new InvalidRequest('url must not contain a user name or password', param, 'url_invalid');
  if (url.hash !== '') throw new InvalidRequest('url must not contain a #fragment', param, 'url_invalid');
  if (url.protocol === 'https:') {
    if (livemode && isPrivateHost(url.hostname)) throw new InvalidRequest('A live webhook url must point to a public host', param, 'url_invalid');
    return raw;
  }
  if (url.protocol === 'http:') {
    if (!livemode && LOOPBACK_HOSTS.has(url.hostname)) return raw;
    const hint = livemode ? '' : ' (plain http is allowed only for localhost and 127.0.0.1 in test mode)';
    throw new InvalidRequest(`url must use https${hint}`, param, 'url_invalid');
  }
  throw new InvalidRequest('url must be an https URL', param, 'url_invalid');
}
