import { LitElement, html, nothing } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import { baseStyles } from '../../theme/tokens.styles.js';
import { segmentedControlStyles } from './segmented-control.styles.js';

/** One choice of a segmented control. */
export interface SegmentOption {
  value: string;
  label: string;
  /** A short emphasis beside the label, e.g. "Save 17%". */
  hint?: string;
}

/**
 * @summary A row of mutually exclusive choices (Monthly | Yearly), operated like a radio group:
 * arrow keys move and select, Home/End jump, Tab leaves the group. Internal to Abona elements.
 *
 * @event change - The selected `value` changed by the user.
 * @csspart group - The radio group track.
 * @csspart option - Each choice.
 */
export class SegmentedControl extends LitElement {
  static override styles = [baseStyles, segmentedControlStyles];

  @queryAll('[role="radio"]') private radios!: NodeListOf<HTMLButtonElement>;

  /** The choices, in order. */
  @property({ attribute: false }) options: SegmentOption[] = [];
  /** The selected choice's value. */
  @property() value = '';
  /** Accessible name of the group, e.g. "Billing period". */
  @property() label = '';

  private select(index: number, focus: boolean): void {
    const option = this.options[index];
    if (!option) return;
    if (focus) this.radios[index]?.focus();
    if (option.value === this.value) return;
    this.value = option.value;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.options.length;
    const current = Math.max(0, this.options.findIndex((o) => o.value === this.value));
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: count - 1 };
    const next = moves[event.key];
    if (next === undefined || count === 0) return;
    event.preventDefault();
    // Radio groups wrap around and select on arrow, as native radios do.
    this.select((next + count) % count, true);
  }

  override render() {
    const selectedIndex = Math.max(0, this.options.findIndex((o) => o.value === this.value));
    return html`<div role="radiogroup" aria-label=${this.label} part="group" @keydown=${this.onKeydown}>
      ${this.options.map(
        (option, index) =>
          html`<button
            type="button"
            role="radio"
            part="option"
            aria-checked=${index === selectedIndex ? 'true' : 'false'}
            tabindex=${index === selectedIndex ? '0' : '-1'}
            @click=${() => this.select(index, false)}
          >
            <span>${option.label}</span>${option.hint ? html` <span class="hint">${option.hint}</span>` : nothing}
          </button>`,
      )}
    </div>`;
  }
}
