import { formatMoney } from '@abona/core';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { toHtml, toText } from './layout.js';
import { ro } from './ro.js';
import type { Copy, Formatted, Messages, TemplateData } from './types.js';

/** Languages with a full catalogue; anything else reads English. */
export const emailLanguages = { en, ro, de, fr, es } satisfies Record<string, Messages>;
export type EmailLanguage = keyof typeof emailLanguages;
export type TemplateName = keyof TemplateData;

export interface RenderInput<T extends TemplateName> {
  template: T;
  /** BCP 47 tag (`ro`, `ro-RO`, `en-GB`): picks the language and the number and date style. */
  locale: string | null | undefined;
  data: TemplateData[T];
  recipientName: string | null;
  sellerName: string;
  portalUrl: string | undefined;
  /** IANA zone for dates (default UTC). */
  timeZone?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The locale actually used (`ro-RO`, or `en` when the asked one has no catalogue). */
  locale: string;
}

/** `ro-RO` → `ro-RO` (Romanian catalogue); `pt-BR`, garbage or nothing → `en`. */
export function resolveEmailLocale(locale: string | null | undefined): { locale: string; language: EmailLanguage } {
  let canonical: string | undefined;
  try {
    canonical = locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    canonical = undefined;
  }
  const language = canonical?.split('-')[0]?.toLowerCase();
  if (canonical && language && language in emailLanguages) return { locale: canonical, language: language as EmailLanguage };
  return { locale: 'en', language: 'en' };
}

/** Formatters per locale and zone: building an `Intl.DateTimeFormat` costs more than rendering an email. */
const formatters = new Map<string, ReturnType<typeof makeFormatter>>();

function formatter(locale: string, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    // Locales and zones are few; the bound only guards against a flood of odd ones.
    if (formatters.size >= 200) formatters.clear();
    formatters.set(key, (made = makeFormatter(locale, timeZone)));
  }
  return made;
}

function makeFormatter(locale: string, timeZone: string) {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  // core's formatMoney builds its Intl.NumberFormat per call; a billing run formats the same few
  // amounts thousands of times, so each distinct one is formatted once (bounded like the formatters).
  const amounts = new Map<string, string>();
  const money = (amountMinor: number, currency: string) => {
    const key = `${currency}|${amountMinor}`;
    let text = amounts.get(key);
    if (text === undefined) {
      if (amounts.size >= 1000) amounts.clear();
      amounts.set(key, (text = formatMoney(amountMinor, currency.toUpperCase(), locale)));
    }
    return text;
  };
  return {
    money,
    date: (ms: number) => dates.format(ms),
    maybeDate: (ms: number | null | undefined) => (ms === null || ms === undefined ? null : dates.format(ms)),
  };
}

function formatted<T extends TemplateName>(template: T, data: TemplateData[T], f: ReturnType<typeof formatter>, portalUrl: string | null): Formatted[T] {
  // One branch per template; the casts only undo TypeScript's lost narrowing of a generic key.
  const d = data as TemplateData[TemplateName];
  switch (template) {
    case 'receipt': {
      const v = d as TemplateData['receipt'];
      return { amount: f.money(v.amountMinor, v.currency), date: f.date(v.paidAtMs), invoiceNumber: v.invoiceNumber ?? null, description: v.description ?? null, url: v.receiptUrl ?? null } as Formatted[T];
    }
    case 'invoice': {
      const v = d as TemplateData['invoice'];
      return { amount: f.money(v.amountDueMinor, v.currency), invoiceNumber: v.invoiceNumber, dueDate: f.maybeDate(v.dueAtMs), url: v.invoiceUrl ?? null } as Formatted[T];
    }
    case 'payment_failed': {
      const v = d as TemplateData['payment_failed'];
      return { amount: f.money(v.amountMinor, v.currency), invoiceNumber: v.invoiceNumber ?? null, nextAttempt: f.maybeDate(v.nextAttemptAtMs), portalUrl } as Formatted[T];
    }
    case 'trial_ending': {
      const v = d as TemplateData['trial_ending'];
      return { planName: v.planName, date: f.date(v.trialEndMs), amount: f.money(v.amountMinor, v.currency), portalUrl } as Formatted[T];
    }
    case 'upcoming_renewal': {
      const v = d as TemplateData['upcoming_renewal'];
      return { planName: v.planName, date: f.date(v.renewalAtMs), amount: f.money(v.amountMinor, v.currency), portalUrl } as Formatted[T];
    }
    case 'cancellation_confirmed': {
      const v = d as TemplateData['cancellation_confirmed'];
      return { planName: v.planName, date: f.date(v.accessEndsAtMs), portalUrl } as Formatted[T];
    }
    default:
      throw new Error(`Unknown email template: ${String(template)}`);
  }
}

/**
 * Renders one lifecycle email (subject, text and HTML) in the reader's language, with money
 * through core's `formatMoney` and dates through `Intl` in their locale.
 */
export function renderEmail<T extends TemplateName>(input: RenderInput<T>): RenderedEmail {
  const { locale, language } = resolveEmailLocale(input.locale);
  const messages: Messages = emailLanguages[language];
  const f = formatter(locale, input.timeZone ?? 'UTC');
  const values = formatted(input.template, input.data, f, input.portalUrl ?? null);
  const copy: Copy = (messages[input.template] as (v: Formatted[T]) => Copy)(values);
  const frame = { lang: locale, greeting: messages.greeting(input.recipientName), signOff: messages.signOff(input.sellerName), footer: messages.footer(input.sellerName) };
  return { subject: copy.subject, text: toText(copy, frame), html: toHtml(copy, frame), locale };
}
