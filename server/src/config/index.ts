import * as z from 'zod/mini';
import { parseKey } from '../keys/index.js';

/** Everything the server reads from its environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** Origins whose browsers may call the API (CORS); exact matches, `*` allows any. */
  allowedOrigins: string[];
  /** `test` allows the demo keys and the sandbox gateway by default. */
  mode: 'test' | 'live';
  /** Keys from the environment, stored (hashed) at start in addition to keys in the database. */
  secretKey: string | undefined;
  publishableKey: string | undefined;
  rateLimit: { max: number; windowMs: number };
  /** How long an idempotent answer is replayed. */
  idempotencyTtlMs: number;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  /** Folder of static demo files served at `/`, when present. */
  staticDir: string | undefined;
}

export const defaultConfig: AppConfig = {
  port: 8787,
  host: '127.0.0.1',
  databaseUrl: 'file:./data/abona.db',
  allowedOrigins: [],
  mode: 'test',
  secretKey: undefined,
  publishableKey: undefined,
  rateLimit: { max: 100, windowMs: 1000 },
  idempotencyTtlMs: 24 * 60 * 60 * 1000,
  maxBodyBytes: 1024 * 1024,
  staticDir: undefined,
};

const optionalText = z.optional(z.string().check(z.minLength(1)));
const Env = z.looseObject({
  PORT: z.optional(z.string().check(z.regex(/^\d{1,5}$/, 'must be a port number'))),
  HOST: optionalText,
  DATABASE_URL: optionalText,
  ABONA_ALLOWED_ORIGINS: z.optional(z.string()),
  ABONA_MODE: z.optional(z.enum(['test', 'live'])),
  ABONA_SECRET_KEY: optionalText,
  ABONA_PUBLISHABLE_KEY: optionalText,
  ABONA_RATE_LIMIT: z.optional(z.string().check(z.regex(/^\d+\/\d+$/, 'must be "<max>/<window ms>", e.g. "100/1000"'))),
  ABONA_STATIC_DIR: optionalText,
});

/** Thrown when the environment is wrong; the message says which variable and why. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function checkKey(name: string, key: string | undefined, kind: 'publishable' | 'secret', mode: 'test' | 'live'): void {
  if (key === undefined) return;
  const parsed = parseKey(key);
  if (!parsed || parsed.kind !== kind) {
    throw new ConfigError(`${name} must look like ${kind === 'secret' ? 'sk' : 'pk'}_test_… or ${kind === 'secret' ? 'sk' : 'pk'}_live_…`);
  }
  if (parsed.livemode && mode === 'test') throw new ConfigError(`${name} is a live key but ABONA_MODE is test`);
}

/**
 * Reads and validates the environment.
 * @throws ConfigError with a message naming the variable at fault.
 */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue ? String(issue.path[0]) : 'environment';
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  const port = e.PORT === undefined ? defaultConfig.port : Number(e.PORT);
  if (port < 1 || port > 65535) throw new ConfigError('Invalid PORT: must be between 1 and 65535');
  const allowedOrigins = (e.ABONA_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`Invalid ABONA_ALLOWED_ORIGINS: "${origin}" must be an origin like https://shop.example.com (no path)`);
    }
  }
  const mode = e.ABONA_MODE ?? defaultConfig.mode;
  checkKey('ABONA_SECRET_KEY', e.ABONA_SECRET_KEY, 'secret', mode);
  checkKey('ABONA_PUBLISHABLE_KEY', e.ABONA_PUBLISHABLE_KEY, 'publishable', mode);
  const [max, windowMs] = (e.ABONA_RATE_LIMIT ?? `${defaultConfig.rateLimit.max}/${defaultConfig.rateLimit.windowMs}`).split('/').map(Number);
  if (!max || !windowMs) throw new ConfigError('Invalid ABONA_RATE_LIMIT: both numbers must be positive');
  return {
    ...defaultConfig,
    port,
    host: e.HOST ?? defaultConfig.host,
    databaseUrl: e.DATABASE_URL ?? defaultConfig.databaseUrl,
    allowedOrigins,
    mode,
    secretKey: e.ABONA_SECRET_KEY,
    publishableKey: e.ABONA_PUBLISHABLE_KEY,
    rateLimit: { max, windowMs },
    staticDir: e.ABONA_STATIC_DIR,
  };
}
