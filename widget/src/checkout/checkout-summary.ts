import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../i18n/dates.js';
import { formatMoney } from '../i18n/money.js';
import type { Translate } from '../i18n/translate.js';
import type { CheckoutSession, TaxLine } from './checkout-session.js';
import type { PriceInfo } from './checkout-store.js';
import type { CheckoutMessageKey } from './messages.js';

type T = Translate<CheckoutMessageKey>;

/** "/ month", "every 3 months": the period of a price, from its interval and count. */
export function perInterval(info: PriceInfo | undefined, t: T): string {
  const interval = info?.interval ?? 'month';
  const key = `checkout.per.${interval}` as CheckoutMessageKey;
  return t(key, { count: info?.intervalCount ?? 1 });
}

/** A tax line's label with its rate: the engine's own label ("TVA 21%"), reverse charge said in words. */
export function taxLabel(tax: TaxLine, t: T): string {
  if (tax.reverse_charge) return t('checkout.summary.reverseCharge');
  const label = tax.label.includes('%') ? tax.label : `${tax.label} ${tax.rate_percent}%`;
  return tax.inclusive ? t('checkout.summary.taxIncluded', { label }) : label;
}

/** What the summary needs beyond the session. */
export interface SummaryOptions {
  prices: Record<string, PriceInfo>;
  locale: string;
  /** The promotion code the customer applied, shown beside the coupon's name. */
  code: string;
  open: boolean;
  updating: boolean;
  onToggle: () => void;
}

/**
 * The order summary: each line, subtotal, discount, every tax line with its label and rate, the
 * total due today and what follows a trial. On narrow layouts it folds into a bar with the total.
 */
export function renderSummary(session: CheckoutSession, options: SummaryOptions, t: T): TemplateResult {
  const { quote, currency } = session;
  const { prices, locale } = options;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const first = prices[session.line_items[0]?.price ?? ''];
  const trialDays = session.trial_end ? Math.max(0, ...session.line_items.map((l) => prices[l.price]?.trialDays ?? 0)) : 0;
  // A one-time purchase is paid once: nothing follows it, and no line has a period.
  const oneTime = session.mode === 'payment';
  const then = !oneTime && quote.then && (session.trial_end || quote.then.total !== quote.amount_due) ? quote.then : null;
  const discountName = [options.code, session.discount?.name].filter(Boolean).join(' · ');
  return html`<aside class="summary ${options.open ? 'open' : ''}" part="summary" aria-labelledby="summary-title">
    <button type="button" class="summary-toggle" aria-expanded=${options.open ? 'true' : 'false'} aria-controls="summary-body" @click=${options.onToggle}>
      <span>${options.open ? t('checkout.summary.hide') : t('checkout.summary.show')}</span>
      <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 6l4 4 4-4" /></svg>
      <strong class="toggle-total">${money(quote.amount_due)}</strong>
    </button>
    <div id="summary-body" class="summary-body">
      <h2 id="summary-title" class="summary-title">${t('checkout.summary.title')}</h2>
      ${trialDays > 0 ? html`<p class="trial-chip">${t('checkout.summary.trial', { count: trialDays })}</p>` : nothing}
      <ul class="lines">
        ${quote.lines.map((line) => {
          const info = prices[line.price ?? ''];
          return html`<li>
            <span class="line-name">${info?.product ?? line.description}</span>
            <span class="line-amount">${money(line.amount)}</span>
            <span class="line-meta">${line.quantity > 1 ? `${t('checkout.summary.quantity', { count: line.quantity })} · ` : ''}${info && !oneTime ? perInterval(info, t) : ''}</span>
          </li>`;
        })}
      </ul>
      <dl class="totals ${options.updating ? 'updating' : ''}" aria-live="polite" aria-busy=${options.updating ? 'true' : 'false'}>
        <div><dt>${t('checkout.summary.subtotal')}</dt><dd>${money(quote.subtotal)}</dd></div>
        ${quote.total_discount > 0 || session.discount
          ? html`<div class="discount"><dt>${t('checkout.summary.discount', { name: discountName })}</dt><dd>−${money(quote.total_discount)}</dd></div>`
          : nothing}
        ${quote.tax_breakdown.map((tax) => html`<div class="tax"><dt>${taxLabel(tax, t)}</dt><dd>${money(tax.amount)}</dd></div>`)}
        <div class="total"><dt>${t('checkout.summary.totalToday')}</dt><dd>${money(quote.amount_due)}</dd></div>
      </dl>
      ${then
        ? html`<p class="then">${t('checkout.summary.thenFrom', { amount: money(then.total), per: perInterval(first, t), date: formatDate(then.date, locale) })}</p>`
        : nothing}
    </div>
  </aside>`;
}
