import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiTarget } from '../api/request.js';
import type { ResolvedSettings } from '../config/resolve.js';
import type { CheckoutStore, SessionParams } from './checkout-store.js';
import type { TaxIdFormat } from './tax-ids.js';

/** A field of the checkout's form, by its `name`. */
export type CheckoutField = 'email' | 'name' | 'country' | 'line1' | 'line2' | 'city' | 'state' | 'postal_code' | 'business_name' | 'tax_id' | 'card_number' | 'card_expiry' | 'card_cvc' | 'promo';

/** What the customer typed, per field. */
export type CheckoutValues = Record<CheckoutField, string>;

/** What the lazily loaded checkout view reads from `<abona-checkout>`: its public properties. */
export interface CheckoutHost extends ReactiveControllerHost, HTMLElement {
  readonly price: string;
  readonly email?: string | undefined;
  readonly country?: string | undefined;
  readonly successUrl?: string | undefined;
  readonly promotionCode?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
}

/**
 * The element's private side, handed to the view when it mounts: the session store, and the
 * customer's details, which the element keeps because it needs them before the form exists (to
 * create the session, and as the value it gives a surrounding `<form>`).
 */
export interface CheckoutContext {
  readonly store: CheckoutStore;
  /** The element's key, API base, locale and theme (attributes over `configure()`). */
  settings(): ResolvedSettings;
  /** Where the current session was created: payments go to the same server with the same key. */
  target(): ApiTarget | undefined;
  /** The form's fields. */
  values(): CheckoutValues;
  /** Replaces the form's fields and re-renders the element. */
  setValues(next: CheckoutValues): void;
  /** "I'm buying for a business". */
  business(): boolean;
  setBusiness(next: boolean): void;
  /** The tax id formats, once their chunk is here. */
  taxIds(): typeof import('./tax-ids.js') | undefined;
  setTaxIds(module: typeof import('./tax-ids.js')): void;
  /** The customer params the server last priced, as JSON: an update is sent only when they differ. */
  lastSent: string;
  /** True while a surrounding disabled `<fieldset>` or form disables the element. */
  disabled(): boolean;
  /** The customer's details as the session takes them. */
  sessionParams(): SessionParams;
  /** Whether the street address is asked: tax needs it, or the invoice goes to a business. */
  fullAddress(): boolean;
  /** Whether the tax id typed has the shape of `format`. */
  taxShapeOk(format: TaxIdFormat): boolean;
  /** Creates a new session, e.g. after a network error. */
  retry(): void;
}

/** The checkout's form, summary and outcome, mounted on the element once their chunk has loaded. */
export interface CheckoutView {
  /** The checkout's name in the customer's language: the section's label, the dialog's default title. */
  title(): string;
  /** "Close" in the customer's language, for the dialog. */
  closeLabel(): string;
  /** True once the copy of the customer's language is here, so the form can be shown. */
  copyReady(): boolean;
  /** The invalid-email message for the surrounding form's validity. */
  emailInvalid(): string;
  /** Called from the element's `willUpdate`: loads copy and test-mode parts, follows `email` and `country`. */
  willUpdate(changed: ReadonlyMap<PropertyKey, unknown>): void;
  /** Called after each render: loads the outcome panel, moves focus to an outcome. */
  updated(): void;
  /** A new session was started: forget the applied code of the old one. */
  sessionStarted(): void;
  /** The payment finished (paid, trial, transfer pending): close the wallet sheet, focus the outcome. */
  completed(): void;
  /** The details changed outside the form (a reset of the surrounding form): re-price after the usual pause. */
  queueUpdate(): void;
  render(): TemplateResult;
}
