import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ConfigError } from '../../src/config/index.js';
import { deliverQueuedEmails, mailerFromEnv, sendTemplate, smtpMailer, type EmailRecipient } from '../../src/email/index.js';
import type { Mailer } from '../../src/mailer/types.js';
import { START_MS, setup, type Harness } from '../helpers.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (port 0), plain text (no STARTTLS), any sender accepted. */
async function startSmtp(options: { reject?: boolean } = {}) {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
  );
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const clean = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < clean.length; i += 1) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(clean[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Header value (unfolded, decoded) and the decoded bodies of a message's parts by content type. */
function parse(raw: string): { header: (name: string) => string; part: (type: string) => string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const body = rest.join('\n\n');
  return {
    header: (name) => decodeHeader(new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? ''),
    part(type) {
      const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
      const parts = boundary ? body.split(`--${boundary}`) : [`${head}\n\n${body}`];
      for (const part of parts) {
        const [partHead = '', ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
        if (!new RegExp(`content-type:\\s*${type.replace('/', '\\/')}`, 'i').test(partHead)) continue;
        const content = partBody.join('\n\n');
        if (/content-transfer-encoding:\s*base64/i.test(partHead)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
        if (/content-transfer-encoding:\s*quoted-printable/i.test(partHead)) return decodeQp(content);
        return content;
      }
      return '';
    },
  };
}

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailer: Mailer;
const ana: EmailRecipient = { id: 'cus_1', email: 'ana@example.ro', name: 'Ana Pop', locale: 'ro' };

beforeEach(async () => {
  h = await setup();
  smtp = await startSmtp();
  mailer = smtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Abona Demo <billing@abona.example>', portalUrl: 'https://shop.example.com/account' });
});
afterEach(async () => {
  mailer.close?.();
  await smtp.close();
});

describe('emails through a real SMTP server', () => {
  it('queues in the transaction, sends after, and records sent', async () => {
    const result = await sendTemplate(h.db, mailer, {
      livemode: false,
      customer: ana,
      template: 'payment_failed',
      data: { amountMinor: 2900, currency: 'EUR', invoiceNumber: 'ABN-0003', nextAttemptAtMs: START_MS + 3 * 86_400_000 },
      dedupeKey: 'payment_failed:pay_1',
      atMs: START_MS,
      ids: h.ids,
    });
    expect(result?.email.status).toBe('queued');
    expect(smtp.messages).toEqual([]);

    const sent = await deliverQueuedEmails(h.db, mailer, { now: START_MS + 1000 });
    expect(sent.map((e) => e.status)).toEqual(['sent']);
    expect(smtp.messages).toHaveLength(1);
    const message = smtp.messages[0]!;
    expect(message.to).toEqual(['ana@example.ro']);
    expect(message.from).toBe('billing@abona.example');
    const parsed = parse(message.raw);
    expect(parsed.header('Subject')).toBe('Plata a eșuat: actualizează-ți cardul');
    expect(parsed.header('To')).toBe('ana@example.ro');
    expect(parsed.header('X-Abona-Email-Id')).toBe(result?.email.id);
    expect(parsed.part('text/plain')).toContain('Plata ta de 29,00\u00a0€ pentru factura ABN-0003 a fost refuzată.');
    expect(parsed.part('text/plain')).toContain('Actualizează cardul: https://shop.example.com/account');
    expect(parsed.part('text/html')).toContain('<a href="https://shop.example.com/account"');
    expect(parsed.part('text/html')).toContain('<html lang="ro">');

    const stored = await h.json<{ status: string; sent_at: string }>('GET', `/v1/emails/${result?.email.id}`);
    expect(stored).toMatchObject({ status: 'sent', sent_at: '2025-01-15T12:00:01.000Z' });
    // Sent once: draining again sends nothing.
    expect(await deliverQueuedEmails(h.db, mailer, { now: START_MS + 2000 })).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
  });

  it('two concurrent drains send each email once', async () => {
    for (let i = 0; i < 6; i += 1) {
      await sendTemplate(h.db, mailer, { livemode: false, customer: ana, template: 'receipt', data: { amountMinor: 100 * i, currency: 'EUR', paidAtMs: START_MS }, dedupeKey: `r:${i}`, atMs: START_MS + i, ids: h.ids });
    }
    const [a, b] = await Promise.all([deliverQueuedEmails(h.db, mailer, { now: START_MS }), deliverQueuedEmails(h.db, mailer, { now: START_MS })]);
    expect(a.length + b.length).toBe(6);
    expect(smtp.messages).toHaveLength(6);
  });

  it('a refused recipient is recorded as failed with the server’s answer', async () => {
    const refusing = await startSmtp({ reject: true });
    const refusingMailer = smtpMailer({ url: `smtp://127.0.0.1:${refusing.port}` });
    try {
      const result = await sendTemplate(h.db, refusingMailer, { livemode: false, customer: ana, template: 'receipt', data: { amountMinor: 100, currency: 'EUR', paidAtMs: START_MS }, dedupeKey: 'r:x', atMs: START_MS, ids: h.ids });
      const [failed] = await deliverQueuedEmails(h.db, refusingMailer, { now: START_MS });
      expect(failed).toMatchObject({ id: result?.email.id, status: 'failed' });
      expect(failed?.error).toMatch(/550|Mailbox unavailable/);
      expect(await h.json('GET', `/v1/emails/${result?.email.id}`)).toMatchObject({ status: 'failed', sent_at: null, error: failed?.error });
    } finally {
      refusingMailer.close?.();
      await refusing.close();
    }
  });
});

describe('mailerFromEnv', () => {
  it('stores by default, sends with ABONA_SMTP_URL, and names the bad variable', () => {
    const store = mailerFromEnv({});
    expect(store).toMatchObject({ delivers: false, portalUrl: undefined });
    const smtpOne = mailerFromEnv({ ABONA_SMTP_URL: 'smtp://user:pass@mail.example.com:587', ABONA_EMAIL_FROM: 'Shop <billing@shop.example>', ABONA_PORTAL_URL: 'https://shop.example/account' });
    expect(smtpOne).toMatchObject({ delivers: true, from: 'Shop <billing@shop.example>', portalUrl: 'https://shop.example/account' });
    smtpOne.close?.();
    expect(() => mailerFromEnv({ ABONA_SMTP_URL: 'http://mail.example.com' })).toThrow(/ABONA_SMTP_URL/);
    expect(() => mailerFromEnv({ ABONA_SMTP_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => mailerFromEnv({ ABONA_EMAIL_FROM: 'nobody' })).toThrow(/ABONA_EMAIL_FROM/);
    expect(() => mailerFromEnv({ ABONA_PORTAL_URL: 'ftp://x' })).toThrow(/ABONA_PORTAL_URL/);
  });
});
