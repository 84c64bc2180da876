import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WebhookSignatureError, type WebhookEvent } from '@abona/api';

export interface Received {
  event: WebhookEvent;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Receiver {
  url: string;
  /** Every request whose signature verified, in arrival order. */
  received: Received[];
  /** Requests refused for a bad signature. */
  rejected: string[];
  /** What the next requests answer (default 200); `'hang'` never answers. */
  respondWith: number | 'hang';
  secret: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that checks every webhook with `verifyWebhook`, as a
 * vendor's receiver would. `nowSec` follows the test's clock.
 */
export async function startReceiver(options: { nowSec: () => number }): Promise<Receiver> {
  const hanging: ServerResponse[] = [];
  const state: Receiver = {
    url: '',
    received: [],
    rejected: [],
    respondWith: 200,
    secret: '',
    close: () => Promise.resolve(),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      verifyWebhook(body, req.headers['abona-signature'] as string | undefined, state.secret, { nowSec: options.nowSec() }).then(
        (event) => {
          state.received.push({ event, headers: req.headers, body });
          if (state.respondWith === 'hang') {
            hanging.push(res);
            return;
          }
          res.writeHead(state.respondWith, { 'content-type': 'text/plain' });
          res.end(state.respondWith < 300 ? 'ok' : 'receiver error');
        },
        (error: unknown) => {
          state.rejected.push(error instanceof WebhookSignatureError ? error.code : String(error));
          res.writeHead(400);
          res.end('bad signature');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/hooks`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
