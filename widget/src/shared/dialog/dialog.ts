import { Dialog } from './dialog.component.js';

export { Dialog } from './dialog.component.js';

if (!customElements.get('abona-dialog')) customElements.define('abona-dialog', Dialog);

declare global {
  interface HTMLElementTagNameMap {
    'abona-dialog': Dialog;
  }
}
