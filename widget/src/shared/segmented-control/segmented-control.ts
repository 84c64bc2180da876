import { SegmentedControl } from './segmented-control.component.js';

export { SegmentedControl, type SegmentOption } from './segmented-control.component.js';

// Guarded: several Abona bundles (npm + script tag) may share one page.
if (!customElements.get('abona-segmented-control')) customElements.define('abona-segmented-control', SegmentedControl);

declare global {
  interface HTMLElementTagNameMap {
    'abona-segmented-control': SegmentedControl;
  }
}
