import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in answers for one VAT number. */
export type ViesBehaviour = 'valid' | 'invalid' | 'ms_unavailable' | 'service_unavailable' | 'timeout' | 'garbage' | 'hang';

export interface ViesStandIn {
  baseUrl: string;
  /** Every request body, in arrival order. */
  requests: { countryCode: string; vatNumber: string }[];
  /** Behaviour by `countryCode + vatNumber`; unknown numbers are `invalid`. */
  behaviours: Map<string, ViesBehaviour>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' }).end(text);
}

/**
 * A real HTTP stand-in for the VIES REST API on 127.0.0.1 (port 0), answering as VIES does:
 * `valid` with name and address, `valid: false` + `userError: INVALID`, `MS_UNAVAILABLE` as a
 * 200 with `userError`, `SERVICE_UNAVAILABLE` / `TIMEOUT` as a 500 with `errorWrappers`, or no
 * answer at all (`hang`, held until close).
 */
export async function startViesStandIn(behaviours: Record<string, ViesBehaviour> = {}): Promise<ViesStandIn> {
  const requests: ViesStandIn['requests'] = [];
  const map = new Map(Object.entries(behaviours));
  const hanging = new Set<ServerResponse>();

  function answer(req: IncomingMessage, res: ServerResponse, raw: string): void {
    if (req.method !== 'POST' || req.url !== '/rest-api/check-vat-number') return send(res, 404, { message: 'not found' });
    const body = JSON.parse(raw) as { countryCode: string; vatNumber: string };
    requests.push(body);
    const echo = { countryCode: body.countryCode, vatNumber: body.vatNumber, requestDate: '2026-01-15T12:00:00.000Z' };
    switch (map.get(body.countryCode + body.vatNumber) ?? 'invalid') {
      case 'valid':
        return send(res, 200, { ...echo, valid: true, requestIdentifier: '', name: 'MUSTER GMBH', address: 'MUSTERSTR. 1\n10115 BERLIN', traderName: '---', userError: 'VALID' });
      case 'invalid':
        return send(res, 200, { ...echo, valid: false, requestIdentifier: '', name: '---', address: '---', userError: 'INVALID' });
      case 'ms_unavailable':
        return send(res, 200, { ...echo, valid: false, requestIdentifier: '', name: '---', address: '---', userError: 'MS_UNAVAILABLE' });
      case 'service_unavailable':
        return send(res, 500, { actionSucceed: false, errorWrappers: [{ error: 'SERVICE_UNAVAILABLE', message: 'An error was encountered' }] });
      case 'timeout':
        return send(res, 500, { actionSucceed: false, errorWrappers: [{ error: 'TIMEOUT', message: 'The application did not receive a reply' }] });
      case 'garbage':
        return send(res, 200, '<html>maintenance</html>');
      case 'hang':
        hanging.add(res);
        return;
    }
  }

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => answer(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/rest-api`,
    requests,
    behaviours: map,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
