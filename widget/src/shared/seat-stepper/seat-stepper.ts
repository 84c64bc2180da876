import { SeatStepper } from './seat-stepper.component.js';

export { SeatStepper } from './seat-stepper.component.js';

if (!customElements.get('abona-seat-stepper')) customElements.define('abona-seat-stepper', SeatStepper);

declare global {
  interface HTMLElementTagNameMap {
    'abona-seat-stepper': SeatStepper;
  }
}
