import { PortalSession, PortalSessionCreateParams } from '@abona/api';
import type { RouteSpec } from '../../openapi/registry.js';

export const portalSessionSpecs: RouteSpec[] = [
  {
    method: 'POST',
    path: '/v1/portal_sessions',
    summary: 'Mint a portal session: a one-time code for one customer',
    tag: 'Portal',
    auth: 'secret',
    body: PortalSessionCreateParams,
    response: PortalSession,
  },
];
