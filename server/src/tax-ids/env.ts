import { ConfigError } from '../config/index.js';
import type { OnlineTaxIdVerifier } from './types.js';
import { viesVerifier } from './vies.js';

/**
 * The online tax id verifier the environment asks for, or undefined when checks are off:
 * - `ABONA_TAX_ID_VERIFICATION`: `off` (default: a machine without internet, CI) or `vies`
 *   (EU VAT numbers against the European Commission's VIES).
 * - `ABONA_VIES_URL`: another VIES REST base URL (a proxy, a stand-in); the Commission's by default.
 * @throws ConfigError naming the variable at fault.
 */
export function verifierFromEnv(env: Record<string, string | undefined>): OnlineTaxIdVerifier | undefined {
  const mode = env.ABONA_TAX_ID_VERIFICATION?.trim().toLowerCase() || 'off';
  const url = env.ABONA_VIES_URL?.trim() || undefined;
  if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) throw new ConfigError('Invalid ABONA_VIES_URL: must be an http(s) URL');
  if (mode === 'off') return undefined;
  if (mode === 'vies') return viesVerifier(url ? { baseUrl: url } : {});
  throw new ConfigError('Invalid ABONA_TAX_ID_VERIFICATION: must be "vies" or "off"');
}
