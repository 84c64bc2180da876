import type { PortalSessionCreateParams } from '@abona/api';
import type { Clock } from '../../clock/index.js';
import type { Db } from '../../db/client.js';
import { Conflict, InvalidRequest, Unauthorized } from '../../errors/index.js';
import type { IdGenerator } from '../../ids/index.js';
import type { PortalContext } from '../../portal/env.js';
import { hashSecret, newPortalCode, newPortalToken } from '../../portal/secrets.js';
import { portalSessionRepository, type PortalSessionRow, type PortalTokenRow } from './repository.js';

export interface PortalSessionServiceDeps {
  db: Db;
  /** The system clock: codes and tokens expire in real time, whatever a test clock says. */
  clock: Clock;
  ids: IdGenerator;
  /** How long a code may wait to be exchanged. Default 10 min (the brief allows up to 1 h). */
  codeTtlMs?: number;
  /** How long a portal token lives. Default 30 min. */
  tokenTtlMs?: number;
}

export const DEFAULT_CODE_TTL_MS = 10 * 60 * 1000;
export const DEFAULT_TOKEN_TTL_MS = 30 * 60 * 1000;

/** A minted session with its code, which exists only in this answer. */
export interface MintedSession {
  session: PortalSessionRow;
  code: string;
}

/** An issued token with its secret, which exists only in this answer. */
export interface IssuedToken {
  token: string;
  row: PortalTokenRow;
  session: PortalSessionRow;
}

/**
 * Customer access to the portal: the vendor's backend mints a session (secret key) whose
 * one-time code the browser exchanges, once, for a short-lived bearer token scoped to that
 * customer. Only SHA-256 hashes of codes and tokens are stored.
 */
export function portalSessionService(deps: PortalSessionServiceDeps) {
  const { db, clock, ids } = deps;
  const codeTtlMs = deps.codeTtlMs ?? DEFAULT_CODE_TTL_MS;
  const tokenTtlMs = deps.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;

  return {
    async create(livemode: boolean, params: PortalSessionCreateParams): Promise<MintedSession> {
      const repo = portalSessionRepository(db);
      if (!(await repo.findCustomer(livemode, params.customer))) {
        throw new InvalidRequest(`No such customer: '${params.customer}'`, 'customer', 'resource_missing');
      }
      const nowMs = clock.now();
      const code = newPortalCode(ids);
      const session: PortalSessionRow = {
        id: ids.next('ps'),
        livemode,
        createdAt: nowMs,
        customerId: params.customer,
        codeHash: hashSecret(code),
        returnUrl: params.return_url ?? null,
        flow: params.flow ?? null,
        locale: params.locale ?? null,
        expiresAt: nowMs + codeTtlMs,
        exchangedAt: null,
      };
      await repo.insertSession(session);
      return { session, code };
    },

    /**
     * Exchanges a code for a token, once. The session is marked exchanged and the token stored
     * in one transaction, so a code can never yield two tokens, even under concurrent calls.
     *
     * @throws InvalidRequest (`code`: `portal_code_invalid`, `session_expired`) and
     *   Conflict (`session_already_used`).
     */
    async exchange(code: string): Promise<IssuedToken> {
      return db.transaction(async (tx) => {
        const repo = portalSessionRepository(tx);
        const session = await repo.findSessionByCodeHash(hashSecret(code));
        if (!session)
          throw new InvalidRequest('This portal code is not valid', 'code', 'portal_code_invalid');
        const nowMs = clock.now();
        if (session.exchangedAt !== null)
          throw new Conflict(
            'This portal code was already used; ask for a new portal session',
            'session_already_used',
            'code',
          );
        if (session.expiresAt <= nowMs)
          throw new InvalidRequest(
            'This portal code has expired; ask for a new portal session',
            'code',
            'session_expired',
          );
        if (!(await repo.findCustomer(session.livemode, session.customerId))) {
          throw new InvalidRequest(
            'The customer of this portal session no longer exists',
            'code',
            'portal_code_invalid',
          );
        }
        if (!(await repo.markExchanged(session.id, nowMs))) {
          throw new Conflict(
            'This portal code was already used; ask for a new portal session',
            'session_already_used',
            'code',
          );
        }
        const token = newPortalToken(ids);
        const row: PortalTokenRow = {
          id: ids.next('ptk'),
          livemode: session.livemode,
          createdAt: nowMs,
          customerId: session.customerId,
          sessionId: session.id,
          tokenHash: hashSecret(token),
          expiresAt: nowMs + tokenTtlMs,
          revokedAt: null,
        };
        await repo.insertToken(row);
        return { token, row, session };
      });
    },

    /**
     * The customer scope of a bearer token.
     * @throws Unauthorized for an unknown, revoked or expired token, or a deleted customer.
     */
    async authenticate(token: string): Promise<PortalContext> {
      const repo = portalSessionRepository(db);
      const row = await repo.findLiveToken(hashSecret(token));
      if (!row) throw new Unauthorized('Invalid or revoked portal token', 'portal_token_invalid');
      if (row.expiresAt <= clock.now())
        throw new Unauthorized('The portal token has expired; open the portal again', 'portal_token_expired');
      if (!(await repo.findCustomer(row.livemode, row.customerId)))
        throw new Unauthorized('Invalid or revoked portal token', 'portal_token_invalid');
      return {
        customerId: row.customerId,
        livemode: row.livemode,
        tokenId: row.id,
        sessionId: row.sessionId,
      };
    },

    /** Revokes the token; later calls with it are 401. */
    async logout(tokenId: string): Promise<void> {
      await portalSessionRepository(db).revokeToken(tokenId, clock.now());
    },
  };
}
export type PortalSessionService = ReturnType<typeof portalSessionService>;
