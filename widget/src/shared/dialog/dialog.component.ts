import { LitElement, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { baseStyles } from '../../theme/tokens.styles.js';
import { dialogStyles } from './dialog.styles.js';

const focusableSelector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * @summary A modal dialog (native `<dialog>`, so the page behind is inert) that traps Tab inside,
 * closes on Escape or its close button, and gives focus back to whatever had it before.
 * Internal to Abona elements (3-D Secure, checkout-in-a-dialog, cancel flow).
 *
 * @slot - The dialog's content.
 * @event close - The dialog closed (by the user or by `open = false`).
 * @csspart panel - The dialog box.
 */
export class Dialog extends LitElement {
  static override styles = [baseStyles, dialogStyles];

  private restoreFocusTo: HTMLElement | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Whether the dialog is shown. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Accessible name (and visible title). */
  @property() label = '';
  /** Accessible name of the close button. */
  @property({ attribute: 'close-label' }) closeLabel = 'Close';

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.restoreFocusTo = deepActiveElement();
      this.dialog.showModal();
      // Start on the content (the first action), not on the close button.
      const items = this.focusables();
      (items[1] ?? items[0])?.focus();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  private onClose(): void {
    this.open = false;
    this.restoreFocusTo?.focus();
    this.restoreFocusTo = undefined;
    this.dispatchEvent(new Event('close', { bubbles: true }));
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const items = this.focusables();
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = deepActiveElement();
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /** Focusable elements in tab order: the close button (in the header), then the slotted content. */
  private focusables(): HTMLElement[] {
    const slot = this.renderRoot.querySelector('slot');
    const slotted = (slot?.assignedElements({ flatten: true }) ?? []).flatMap((el) => [
      ...(el.matches(focusableSelector) ? [el as HTMLElement] : []),
      ...Array.from(el.querySelectorAll<HTMLElement>(focusableSelector)),
    ]);
    const close = this.renderRoot.querySelector<HTMLElement>('.close');
    return [...(close ? [close] : []), ...slotted];
  }

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog and restores focus. */
  hide(): void {
    this.open = false;
  }

  override render() {
    return html`<dialog part="panel" aria-labelledby="title" @close=${this.onClose} @keydown=${this.onKeydown}>
      <header>
        <h2 id="title">${this.label}</h2>
        <button type="button" class="close" aria-label=${this.closeLabel} @click=${() => this.hide()}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" /></svg>
        </button>
      </header>
      <div class="body"><slot></slot></div>
    </dialog>`;
  }
}

/** The focused element, looking through open shadow roots (document.activeElement stops at hosts). */
function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}
