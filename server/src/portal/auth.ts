import type { Context, MiddlewareHandler } from 'hono';
import { Unauthorized } from '../errors/index.js';
import type { PortalSessionService } from '../resources/portal-sessions/service.js';
import type { PortalEnv } from './env.js';
import { hashSecret } from './secrets.js';

/**
 * Portal-token authentication for `/v1/portal/*`: `Authorization: Bearer <token>` → the
 * customer and mode in `c.var.portal`. Unknown, revoked or expired tokens (and tokens of a
 * deleted customer) are a 401. API keys are not portal tokens: they are refused here too.
 *
 * @example router.use('*', portalAuth(services.portalSessions))
 */
export function portalAuth(sessions: PortalSessionService): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header)
      throw new Unauthorized(
        'No portal token provided: send "Authorization: Bearer <token>"',
        'portal_token_missing',
      );
    const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
    if (token === undefined)
      throw new Unauthorized('Invalid or revoked portal token', 'portal_token_invalid');
    const portal = await sessions.authenticate(token);
    c.set('portal', portal);
    // The shared rate-limit and idempotency middleware key by `auth`: here, by this token.
    c.set('auth', {
      keyId: portal.tokenId,
      keyHash: hashSecret(token),
      kind: 'publishable',
      livemode: portal.livemode,
    });
    await next();
  };
}

/**
 * The caller's address for per-IP limits: the first `X-Forwarded-For` hop (behind a proxy),
 * else the socket's address on the Node server, else `anonymous`.
 */
export function clientAddress(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'anonymous';
}
