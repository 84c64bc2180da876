import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { catalogIds, demoKey, expectAccessible, text } from '../../test/helpers.js';
import type { AbonaCheckoutCompletedEvent } from '../events/checkout-completed.js';
import { missingMessages } from '../i18n/translate.js';
import type { Dialog } from '../shared/dialog/dialog.component.js';
import './wallet-button.js';
import type { WalletButton } from './wallet-button.component.js';

// The real server with the demo catalog (/api/demo), through the sandbox's simulated wallet.
const api = '/api/demo';

async function button(price: string, attrs: { locale?: string; theme?: string; key?: string } = {}): Promise<WalletButton> {
  const el = await fixture<WalletButton>(html`<abona-wallet-button
    publishable-key=${attrs.key ?? demoKey}
    api-base=${api}
    price=${price}
    country="RO"
    locale=${attrs.locale ?? 'en'}
    theme=${attrs.theme ?? 'light'}
    email="wallet@example.ro"
  ></abona-wallet-button>`);
  await el.updateComplete;
  if (!attrs.key?.startsWith('pk_live')) await waitUntil(() => el.shadowRoot!.querySelector('button.wallet'), 'no wallet button');
  return el;
}

const $ = <E extends Element = HTMLElement>(el: WalletButton, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;

describe('<abona-wallet-button>', () => {
  let basic: string;
  before(async () => {
    basic = (await catalogIds(api)).price('Basic', 'month');
  });

  it('is accessible, marked as a test, and renders nothing without a wallet (live key, no gateway)', async () => {
    const el = await button(basic, { theme: 'dark' });
    await expectAccessible(el);
    expect(text($(el, 'button.wallet'))).to.equal('Pay with Google Pay (test)');
    const live = await button(basic, { key: 'pk_live_abona_demo' });
    expect(live.shadowRoot!.querySelector('button')).to.equal(null);
    expect(live.getBoundingClientRect().height).to.equal(0);
  });

  it('buys in one step: the sheet shows the real total, Pay confirms with the wallet token, and completion fires once', async () => {
    const el = await button(basic);
    const events: AbonaCheckoutCompletedEvent[] = [];
    el.addEventListener('abona-checkout-completed', (e) => events.push(e));
    $<HTMLButtonElement>(el, 'button.wallet').click();
    const sheet = $<Dialog>(el, 'abona-dialog.wallet-sheet');
    await waitUntil(() => sheet.open, 'the wallet sheet did not open', { timeout: 4000 });
    expect(`${text($(el, '.sheet-total span'))} ${text($(el, '.sheet-total strong'))}`).to.equal('Total today €10.89'); // 900 + 21 % TVA
    expect($<HTMLInputElement>(el, '.sheet input[type="email"]').value).to.equal('wallet@example.ro');
    await expectAccessible(sheet);
    const done = oneEvent(el, 'abona-checkout-completed') as Promise<AbonaCheckoutCompletedEvent>;
    $<HTMLButtonElement>(el, '.wallet-pay').click();
    const detail = (await done).detail;
    await el.updateComplete;
    expect(detail).to.include({ status: 'complete', amountPaidMinor: 1089, currency: 'EUR' });
    expect(detail.subscriptionId).to.match(/^sub_/);
    expect(text($(el, '.message'))).to.equal('Payment complete. Thank you!');
    const session = await (await fetch(`${api}/v1/checkout_sessions/${detail.checkoutSessionId}`, { headers: { Authorization: 'Bearer sk_test_abona_demo' } })).json();
    expect(session).to.include({ status: 'complete', customer_email: 'wallet@example.ro' });
    el.requestUpdate();
    await el.updateComplete;
    expect(events).to.have.length(1);
  });

  it('cancelling the sheet charges nothing and says so', async () => {
    const el = await button(basic, { locale: 'ro' });
    $<HTMLButtonElement>(el, 'button.wallet').click();
    const sheet = $<Dialog>(el, 'abona-dialog.wallet-sheet');
    await waitUntil(() => sheet.open, 'the wallet sheet did not open', { timeout: 4000 });
    Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.sheet .button.secondary'))[0]!.click();
    await el.updateComplete;
    expect(sheet.open).to.equal(false);
    expect(text($(el, '.message'))).to.equal('Plată anulată. Nu ți s-a perceput nimic.');
    expect([...missingMessages]).to.deep.equal([]);
  });
});
