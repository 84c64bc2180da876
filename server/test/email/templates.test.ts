import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { emailTemplates } from '@abona/api';
import { emailLanguages, renderEmail, resolveEmailLocale, type TemplateName } from '../../src/email/index.js';
import type { TemplateData } from '../../src/email/templates/types.js';

/** 2025-01-15T12:00:00Z */
const AT = Date.UTC(2025, 0, 15, 12);
const DAY = 86_400_000;

/** Full data (every optional field set) and minimal data (every optional field left out). */
const full: { [T in TemplateName]: TemplateData[T] } = {
  receipt: { amountMinor: 2900, currency: 'EUR', paidAtMs: AT, invoiceNumber: 'ABN-0001', description: 'Pro (monthly)', receiptUrl: 'https://shop.example.com/r/1' },
  invoice: { amountDueMinor: 2900, currency: 'EUR', invoiceNumber: 'ABN-0002', dueAtMs: AT + 14 * DAY, invoiceUrl: 'https://shop.example.com/i/2' },
  payment_failed: { amountMinor: 2900, currency: 'EUR', invoiceNumber: 'ABN-0003', nextAttemptAtMs: AT + 3 * DAY },
  trial_ending: { planName: 'Pro', trialEndMs: AT + 3 * DAY, amountMinor: 2900, currency: 'EUR' },
  upcoming_renewal: { planName: 'Pro', renewalAtMs: AT + 7 * DAY, amountMinor: 29000, currency: 'RON' },
  cancellation_confirmed: { planName: 'Pro', accessEndsAtMs: AT + 10 * DAY },
};
const minimal: { [T in TemplateName]: TemplateData[T] } = {
  receipt: { amountMinor: 500, currency: 'USD', paidAtMs: AT },
  invoice: { amountDueMinor: 1000, currency: 'JPY', invoiceNumber: 'X-1' },
  payment_failed: { amountMinor: 1234, currency: 'GBP' },
  trial_ending: full.trial_ending,
  upcoming_renewal: full.upcoming_renewal,
  cancellation_confirmed: full.cancellation_confirmed,
};

/** `portalUrl: null` renders without a configured portal. */
const render = <T extends TemplateName>(template: T, locale: string, data: TemplateData[T], portalUrl: string | null = 'https://shop.example.com/account', name: string | null = 'Ana Pop') =>
  renderEmail({ template, locale, data, recipientName: name, sellerName: 'Abona Demo SRL', portalUrl: portalUrl ?? undefined });

const BROKEN = /undefined|NaN|\[object|null|\$\{|Invalid Date/;

describe('email templates', () => {
  it('every template renders in every language, with or without optional data, portal and name', () => {
    for (const language of Object.keys(emailLanguages)) {
      for (const template of emailTemplates) {
        for (const data of [full[template], minimal[template]]) {
          for (const portal of ['https://shop.example.com/account', null]) {
            for (const name of ['Ana Pop', null]) {
              const email = render(template, language, data as never, portal, name);
              const where = `${language}/${template}/${portal ?? 'no portal'}/${name ?? 'no name'}`;
              for (const part of [email.subject, email.text, email.html]) expect(part, where).not.toMatch(BROKEN);
              expect(email.subject.length, where).toBeGreaterThan(5);
              expect(email.html, where).toContain(`<html lang="${language}">`);
              expect(email.html, where).toContain('<h1 ');
              expect(email.html, where).toContain(`<title>`);
              if (name) expect(email.text, where).toContain('Ana Pop');
              expect(email.text, where).toContain('Abona Demo SRL');
            }
          }
        }
      }
    }
  });

  it('the languages are really different (no English left in a translation subject)', () => {
    for (const template of emailTemplates) {
      const subjects = Object.keys(emailLanguages).map((language) => render(template, language, full[template] as never).subject);
      expect(new Set(subjects).size, template).toBe(subjects.length);
    }
  });

  it('Romanian: diacritics with comma below, money and dates in Romanian', () => {
    const failed = render('payment_failed', 'ro', full.payment_failed);
    expect(failed.subject).toBe('Plata a eșuat: actualizează-ți cardul');
    // 2900 minor EUR in ro = "29,00 €" (Intl puts a no-break space before the sign); 3 days after 15 Jan 2025 = 18 ianuarie 2025.
    expect(failed.text).toContain('Plata ta de 29,00\u00a0€ pentru factura ABN-0003 a fost refuzată.');
    expect(failed.text).toContain('Vom încerca din nou pe 18 ianuarie 2025.');
    expect(failed.text).toContain('Actualizează cardul: https://shop.example.com/account');
    expect(render('invoice', 'ro', full.invoice).subject).toBe('Factura ta ABN-0002');
    // 29000 minor RON = "290,00 lei": Romanians write lei, not RON.
    expect(render('upcoming_renewal', 'ro-RO', full.upcoming_renewal).text).toContain('290,00\u00a0lei');
    const all = emailTemplates.map((t) => render(t, 'ro', full[t] as never)).map((e) => e.subject + e.text + e.html).join('');
    // ş/ţ with a cedilla are the wrong letters for Romanian.
    expect(all).not.toMatch(/[şţŞŢ]/);
    expect(all).toMatch(/ș/);
    expect(all).toMatch(/ț/);
  });

  it('English: money and dates through Intl in the customer locale', () => {
    const receipt = render('receipt', 'en', full.receipt);
    expect(receipt.subject).toBe('Receipt for your payment of €29.00');
    expect(receipt.text).toContain('We received your payment of €29.00 on January 15, 2025. It covers: Pro (monthly).');
    // en-GB writes the day first; JPY has no minor unit: 1000 minor = ¥1,000.
    expect(render('receipt', 'en-GB', full.receipt).text).toContain('on 15 January 2025');
    expect(render('invoice', 'en', minimal.invoice).text).toContain('Your new invoice of ¥1,000 is ready.');
    // German: 29,00 € and "18. Januar 2025".
    expect(render('payment_failed', 'de', full.payment_failed).text).toContain('Wir versuchen es am 18. Januar 2025 erneut.');
  });

  it('payment failed links to the portal; without one it says where to go instead', () => {
    const withPortal = render('payment_failed', 'en', minimal.payment_failed);
    expect(withPortal.html).toContain('<a href="https://shop.example.com/account"');
    expect(withPortal.html).toContain('>Update your card</a>');
    const without = render('payment_failed', 'en', minimal.payment_failed, null);
    expect(without.html).not.toContain('<a ');
    expect(without.text).toContain('You can update them from your account page.');
  });

  it('escapes what customers and vendors typed', () => {
    const email = renderEmail({
      template: 'cancellation_confirmed',
      locale: 'en',
      data: { planName: '<script>alert(1)</script>', accessEndsAtMs: AT },
      recipientName: 'Ana "<b>"',
      sellerName: 'A & B',
      portalUrl: 'https://x.example/?a=1&b="2"',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('Ana &quot;&lt;b&gt;&quot;');
    expect(email.html).toContain('href="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    expect(email.html).toContain('A &amp; B');
    // The text part is not HTML: it keeps the characters as typed.
    expect(email.text).toContain('<script>alert(1)</script>');
  });

  it('locales: the catalogue of the language, formatting of the full tag, English otherwise', () => {
    expect(resolveEmailLocale('ro-RO')).toEqual({ locale: 'ro-RO', language: 'ro' });
    expect(resolveEmailLocale('FR-ca')).toEqual({ locale: 'fr-CA', language: 'fr' });
    expect(resolveEmailLocale('pt-BR')).toEqual({ locale: 'en', language: 'en' });
    expect(resolveEmailLocale(null)).toEqual({ locale: 'en', language: 'en' });
    expect(resolveEmailLocale('not a locale!')).toEqual({ locale: 'en', language: 'en' });
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(...emailTemplates), fc.integer({ min: 0, max: 10_000_000 }), (locale, template, amount) => {
        const data = { ...full[template], ...(template === 'invoice' ? { amountDueMinor: amount } : { amountMinor: amount }) };
        const email = render(template, locale, data as never);
        expect(email.subject + email.text).not.toMatch(BROKEN);
      }),
      { numRuns: 300 },
    );
  });
});
