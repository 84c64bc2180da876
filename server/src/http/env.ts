import type { KeyKind } from '../keys/index.js';

/** Who is calling: set by the auth middleware on every `/v1` request. */
export interface AuthContext {
  keyId: string;
  /** SHA-256 of the key: scopes idempotency keys and rate limits without holding the key. */
  keyHash: string;
  kind: KeyKind;
  livemode: boolean;
}

/** Hono's environment for our app: the variables middleware hands to routes. */
export interface AppEnv {
  Variables: {
    auth: AuthContext;
    requestId: string;
  };
}
