import type { PortalFlow, PortalSession, PortalToken } from '@abona/api';
import { portalFlows } from '@abona/api';
import { toIso } from '@abona/core';
import type { PortalSessionRow } from './repository.js';
import type { IssuedToken, MintedSession } from './service.js';

function flowOf(row: PortalSessionRow): PortalFlow | null {
  return (portalFlows as readonly string[]).includes(row.flow ?? '') ? (row.flow as PortalFlow) : null;
}

/** A freshly minted session, with its code (the only time the code is shown). */
export function toPortalSession({ session, code }: MintedSession): PortalSession {
  return {
    id: session.id,
    object: 'portal_session',
    code,
    customer: session.customerId,
    flow: flowOf(session),
    return_url: session.returnUrl,
    locale: session.locale,
    url: null,
    expires_at: toIso(session.expiresAt),
    livemode: session.livemode,
    created: toIso(session.createdAt),
  };
}

/** A freshly issued token (the only time it is shown), with what its session asked for. */
export function toPortalToken({ token, row, session }: IssuedToken): PortalToken {
  return {
    object: 'portal_token',
    token,
    customer: row.customerId,
    expires_at: toIso(row.expiresAt),
    flow: flowOf(session),
    return_url: session.returnUrl,
    locale: session.locale,
    livemode: row.livemode,
  };
}
