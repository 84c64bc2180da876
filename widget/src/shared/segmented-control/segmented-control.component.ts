import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { baseStyles } from '../../theme/tokens.styles.js';
import { segmentedControlStyles } from './segmented-control.styles.js';
import { renderSegments, type SegmentOption } from './segments.js';

export type { SegmentOption } from './segments.js';

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

  /** The choices, in order. */
  @property({ attribute: false }) options: SegmentOption[] = [];
  /** The selected choice's value. */
  @property() value = '';
  /** Accessible name of the group, e.g. "Billing period". */
  @property() label = '';

  /** A choice clicked, or reached with the keyboard (which has focused it already). */
  private readonly select = (index: number): void => {
    const option = this.options[index];
    if (!option || option.value === this.value) return;
    this.value = option.value;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  override render() {
    return renderSegments(this.options, this.value, this.label, this.select);
  }
}
