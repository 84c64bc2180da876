import type { Transporter } from 'nodemailer';
import { ConfigError } from '../config/index.js';
import type { MailMessage, Mailer } from '../mailer/types.js';

export const DEFAULT_EMAIL_FROM = 'Abona <billing@abona.invalid>';

export interface MailerSettings {
  from?: string;
  portalUrl?: string | undefined;
}

/**
 * The default transport: emails are only stored (status `stored`) and read through
 * `GET /v1/emails`. Right for test mode and for vendors who send mail themselves.
 */
export function storeMailer(settings: MailerSettings = {}): Mailer {
  return {
    delivers: false,
    from: settings.from ?? DEFAULT_EMAIL_FROM,
    portalUrl: settings.portalUrl,
    send: () => Promise.resolve(),
  };
}

/**
 * SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://…:465` (TLS from the start). Rows are stored too, then marked `sent` or `failed`.
 */
export function smtpMailer(settings: MailerSettings & { url: string; tls?: { rejectUnauthorized?: boolean } }): Mailer {
  // nodemailer loads with the first message: a server that only stores emails never pays for it.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: settings.url, ...(settings.tls ? { tls: settings.tls } : {}) } as Parameters<typeof nodemailer.createTransport>[0]),
    ));
  const from = settings.from ?? DEFAULT_EMAIL_FROM;
  return {
    delivers: true,
    from,
    portalUrl: settings.portalUrl,
    async send(message: MailMessage) {
      await (
        await transportOf()
      ).sendMail({
        from: message.from ?? from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
        ...(message.id === undefined ? {} : { headers: { 'X-Abona-Email-Id': message.id } }),
      });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** `billing@x.com` or `Shop Name <billing@x.com>`. */
export function isSender(value: string): boolean {
  const named = /^(.{1,100}?)\s*<([^<>]+)>$/.exec(value.trim());
  return ADDRESS.test(named ? (named[2] ?? '') : value.trim());
}

/**
 * The mailer the environment describes: SMTP when `ABONA_SMTP_URL` is set, else the store.
 * `ABONA_EMAIL_FROM` is the sender, `ABONA_PORTAL_URL` the portal emails link to.
 * @throws ConfigError naming the variable at fault.
 */
export function mailerFromEnv(env: Record<string, string | undefined>): Mailer {
  const smtpUrl = env.ABONA_SMTP_URL?.trim() || undefined;
  const from = env.ABONA_EMAIL_FROM?.trim() || undefined;
  const portalUrl = env.ABONA_PORTAL_URL?.trim() || undefined;
  if (from !== undefined && !isSender(from)) throw new ConfigError('Invalid ABONA_EMAIL_FROM: must be an address or "Name <address>"');
  if (portalUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(portalUrl)) throw new ConfigError('Invalid ABONA_PORTAL_URL: must be an http(s) URL');
  const settings = { ...(from ? { from } : {}), portalUrl };
  if (smtpUrl === undefined) return storeMailer(settings);
  let parsed: URL;
  try {
    parsed = new URL(smtpUrl);
  } catch {
    throw new ConfigError('Invalid ABONA_SMTP_URL: must be a URL like smtp://user:pass@host:587');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigError('Invalid ABONA_SMTP_URL: the scheme must be smtp:// or smtps://');
  if (!parsed.hostname) throw new ConfigError('Invalid ABONA_SMTP_URL: a host is required');
  return smtpMailer({ ...settings, url: smtpUrl });
}
