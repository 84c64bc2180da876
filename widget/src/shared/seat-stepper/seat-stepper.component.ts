import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { baseStyles } from '../../theme/tokens.styles.js';
import { seatStepperStyles } from './seat-stepper.styles.js';

/**
 * @summary A number stepper for seats or units: − / + buttons around a numeric input, clamped to
 * `min`..`max`. Buttons at a limit are `aria-disabled` rather than disabled so focus stays put.
 * Internal to Abona elements.
 *
 * @event change - The `value` changed by the user (clamped, integer).
 * @csspart input - The number input.
 */
export class SeatStepper extends LitElement {
  static override styles = [baseStyles, seatStepperStyles];

  @property({ type: Number }) value = 1;
  @property({ type: Number }) min = 1;
  /** Upper limit; none when 0. */
  @property({ type: Number }) max = 0;
  /** Visible label, e.g. "Seats". */
  @property() label = '';
  @property({ attribute: 'decrease-label' }) decreaseLabel = '−';
  @property({ attribute: 'increase-label' }) increaseLabel = '+';

  private clamp(value: number): number {
    const whole = Number.isFinite(value) ? Math.round(value) : this.min;
    return Math.max(this.min, this.max > 0 ? Math.min(this.max, whole) : whole);
  }

  private commit(value: number): void {
    const next = this.clamp(value);
    const input = this.renderRoot.querySelector('input');
    if (input) input.value = String(next);
    if (next === this.value) return;
    this.value = next;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onInputChange(event: Event): void {
    event.stopPropagation();
    this.commit(Number((event.target as HTMLInputElement).value));
  }

  override render() {
    const atMin = this.value <= this.min;
    const atMax = this.max > 0 && this.value >= this.max;
    return html`<div class="stepper" role="group" aria-labelledby="label">
      <span id="label" class="label">${this.label}</span>
      <div class="control">
        <button type="button" aria-label=${this.decreaseLabel} aria-disabled=${atMin ? 'true' : 'false'} @click=${() => this.commit(this.value - 1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 8h9" /></svg>
        </button>
        <input
          part="input"
          type="number"
          inputmode="numeric"
          aria-labelledby="label"
          .value=${String(this.value)}
          min=${this.min}
          max=${this.max > 0 ? this.max : ''}
          step="1"
          @change=${this.onInputChange}
        />
        <button type="button" aria-label=${this.increaseLabel} aria-disabled=${atMax ? 'true' : 'false'} @click=${() => this.commit(this.value + 1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 8h9M8 3.5v9" /></svg>
        </button>
      </div>
    </div>`;
  }
}
