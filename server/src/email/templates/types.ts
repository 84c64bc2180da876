import type { EmailTemplate } from '@abona/api';

/** What lifecycle code hands each template: raw values (minor units, epoch ms), formatted here. */
export interface TemplateData {
  /** A payment succeeded. */
  receipt: { amountMinor: number; currency: string; paidAtMs: number; invoiceNumber?: string | null; description?: string | null; receiptUrl?: string | null };
  /** An invoice was finalized with an amount due. */
  invoice: { amountDueMinor: number; currency: string; invoiceNumber: string; dueAtMs?: number | null; invoiceUrl?: string | null };
  /** A charge failed; the email links to the portal to update the card. */
  payment_failed: { amountMinor: number; currency: string; invoiceNumber?: string | null; nextAttemptAtMs?: number | null };
  /** Sent 3 days before a trial ends. */
  trial_ending: { planName: string; trialEndMs: number; amountMinor: number; currency: string };
  /** Sent 7 days before a renewal. */
  upcoming_renewal: { planName: string; renewalAtMs: number; amountMinor: number; currency: string };
  /** A cancellation was confirmed; access lasts until `accessEndsAtMs`. */
  cancellation_confirmed: { planName: string; accessEndsAtMs: number };
}

// Every API template has data, and nothing else does.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const templatesMatchApi: Same<keyof TemplateData, EmailTemplate> = true;

/** A link rendered as a button in HTML and as `label: url` in text. */
export interface Action {
  label: string;
  url: string;
}

/** One email's words, before layout. */
export interface Copy {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Label/value rows (amount, invoice number, date), rendered as a small table. */
  details: [string, string][];
  action?: Action;
}

/** Values already formatted for the reader's locale. */
export interface Formatted {
  receipt: { amount: string; date: string; invoiceNumber: string | null; description: string | null; url: string | null };
  invoice: { amount: string; invoiceNumber: string; dueDate: string | null; url: string | null };
  payment_failed: { amount: string; invoiceNumber: string | null; nextAttempt: string | null; portalUrl: string | null };
  trial_ending: { planName: string; date: string; amount: string; portalUrl: string | null };
  upcoming_renewal: { planName: string; date: string; amount: string; portalUrl: string | null };
  cancellation_confirmed: { planName: string; date: string; portalUrl: string | null };
}

/** One language's catalogue: typed, so a language missing a template does not compile. */
export type Messages = {
  /** `Hi Ana,` / `Bună, Ana,`. */
  greeting(name: string | null): string;
  signOff(seller: string): string;
  /** Why the reader gets this email. */
  footer(seller: string): string;
} & { [T in keyof Formatted]: (values: Formatted[T]) => Copy };
