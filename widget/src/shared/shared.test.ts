import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../test/helpers.js';
import './dialog/dialog.js';
import './seat-stepper/seat-stepper.js';
import './segmented-control/segmented-control.js';
import type { Dialog } from './dialog/dialog.component.js';
import type { SeatStepper } from './seat-stepper/seat-stepper.component.js';
import type { SegmentedControl } from './segmented-control/segmented-control.component.js';

describe('<abona-segmented-control>', () => {
  const options = [
    { value: 'a', label: 'A' },
    { value: 'b', label: 'B' },
    { value: 'c', label: 'C' },
  ];

  it('is an accessible radio group that selects with arrows and wraps', async () => {
    const el = await fixture<SegmentedControl>(html`<abona-segmented-control label="Letter" .options=${options} value="a"></abona-segmented-control>`);
    await expectAccessible(el);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.shadowRoot!.querySelector<HTMLElement>('[aria-checked="true"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' }); // wraps from the first to the last
    expect(el.value).to.equal('c');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('a');
    await sendKeys({ press: 'Tab' }); // Tab leaves the group instead of moving inside it
    expect(el.shadowRoot!.activeElement).to.equal(null);
    expect(changes).to.equal(2);
  });
});

describe('<abona-seat-stepper>', () => {
  it('clamps to min..max, keeps focus on a limit button, and reports changes', async () => {
    const el = await fixture<SeatStepper>(html`<abona-seat-stepper label="Seats" value="2" min="1" max="3" decrease-label="Remove" increase-label="Add"></abona-seat-stepper>`);
    await expectAccessible(el);
    const [minus, plus] = Array.from(el.shadowRoot!.querySelectorAll('button'));
    const values: number[] = [];
    el.addEventListener('change', () => values.push(el.value));
    plus!.click();
    plus!.click(); // already at max 3: no change
    await el.updateComplete;
    expect(plus!.getAttribute('aria-disabled')).to.equal('true');
    expect(plus!.disabled).to.equal(false); // focusable, so keyboard users don't lose their place
    minus!.click();
    minus!.click();
    minus!.click(); // min 1
    const input = el.shadowRoot!.querySelector('input')!;
    input.value = '99';
    input.dispatchEvent(new Event('change'));
    expect(values).to.deep.equal([3, 2, 1, 3]); // 2+1, 3−1, 2−1, 99 clamped to 3
    expect(input.value).to.equal('3');
  });
});

describe('<abona-dialog>', () => {
  it('moves focus in, traps Tab, closes on Escape and restores focus', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">Open</button>
      <abona-dialog label="Confirm your payment" close-label="Close"><button id="first">Complete</button><button id="second">Fail</button></abona-dialog>
    </div>`);
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    const dialog = wrapper.querySelector<Dialog>('abona-dialog')!;
    opener.focus();
    dialog.show();
    await dialog.updateComplete;
    expect(document.activeElement?.id).to.equal('first');
    await expectAccessible(dialog);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('second');
    await sendKeys({ press: 'Tab' }); // from the last item, wraps to the close button
    expect(dialog.shadowRoot!.activeElement?.classList.contains('close')).to.equal(true);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' }); // Shift+Tab from the first item goes back round to the last
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement?.id).to.equal('second');
    await sendKeys({ press: 'Escape' });
    await dialog.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });
});
