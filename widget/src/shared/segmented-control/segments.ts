import { html, nothing, type TemplateResult } from 'lit';

/** One choice of a segmented control. */
export interface SegmentOption {
  value: string;
  label: string;
  /** A short emphasis beside the label, e.g. "Save 17%". */
  hint?: string;
}

/**
 * The radio group of a segmented control, for <abona-segmented-control> and for an element that
 * renders it into its own shadow root (the pricing table's interval switch: a nested element
 * would cost its first render an element upgrade, a shadow root and an update of its own).
 * With {@link segmentStyles} in the same root. `onSelect` gets the index of the choice clicked or
 * reached with the keyboard (see {@link onSegmentKeydown}); focus has already moved there.
 */
export function renderSegments(options: readonly SegmentOption[], value: string, label: string, onSelect: (index: number) => void): TemplateResult {
  const selectedIndex = Math.max(0, options.findIndex((o) => o.value === value));
  return html`<div role="radiogroup" aria-label=${label} part="group" @keydown=${(event: KeyboardEvent) => onSegmentKeydown(event, options, selectedIndex, onSelect)}>
    ${options.map(
      (option, index) =>
        html`<button
          type="button"
          role="radio"
          part="option"
          aria-checked=${index === selectedIndex ? 'true' : 'false'}
          tabindex=${index === selectedIndex ? '0' : '-1'}
          @click=${() => onSelect(index)}
        >
          <span>${option.label}</span>${option.hint ? html` <span class="hint">${option.hint}</span>` : nothing}
        </button>`,
    )}
  </div>`;
}

/**
 * Arrow keys move and select, Home/End jump, as native radios do (wrapping around); the radio
 * reached gets focus before `onSelect` runs.
 */
function onSegmentKeydown(event: KeyboardEvent, options: readonly SegmentOption[], current: number, onSelect: (index: number) => void): void {
  const count = options.length;
  const moves: Record<string, number> = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: count - 1 };
  const next = moves[event.key];
  if (next === undefined || count === 0) return;
  event.preventDefault();
  const index = (next + count) % count;
  (event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('[role="radio"]')[index]?.focus();
  onSelect(index);
}
