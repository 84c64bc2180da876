import { Portal } from './portal.component.js';

export { Portal } from './portal.component.js';
export type { PortalFlow } from './portal-types.js';

// Guarded: a page may load Abona twice (npm bundle and script tag); the first definition wins.
if (!customElements.get('abona-portal')) customElements.define('abona-portal', Portal);

declare global {
  interface HTMLElementTagNameMap {
    'abona-portal': Portal;
  }
}
