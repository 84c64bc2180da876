// The showcase's own script: display switchers, the event log, and placing the checkout for the
// seeded "Pro monthly" price. Abona itself needs none of this: the script tag in <head> is the
// whole integration. No inline scripts anywhere, so the page runs under a strict CSP.
(function () {
  'use strict';

  const PUBLISHABLE_KEY = 'pk_test_abona_demo';
  const elements = () => document.querySelectorAll('abona-pricing-table, abona-checkout, abona-wallet-button, abona-portal');
  const stored = (name, fallback) => localStorage.getItem(`abona-demo:${name}`) ?? fallback;

  /** Applies one display setting to every Abona element and remembers it. */
  function apply(name, value) {
    localStorage.setItem(`abona-demo:${name}`, value);
    for (const element of elements()) {
      if (value) element.setAttribute(name, value);
      else element.removeAttribute(name);
    }
    if (name === 'theme') document.documentElement.dataset.theme = value;
    if (name === 'locale') document.documentElement.lang = value;
  }

  function setUpSwitchers() {
    const browserLocale = (navigator.language || 'en').slice(0, 2);
    const defaults = { locale: ['en', 'ro', 'de', 'fr', 'es'].includes(browserLocale) ? browserLocale : 'en', theme: 'auto', country: '' };
    for (const name of Object.keys(defaults)) {
      const select = document.getElementById(name);
      select.value = stored(name, defaults[name]);
      apply(name, select.value);
      select.addEventListener('change', () => apply(name, select.value));
    }
  }

  /** Resolves a price lookup key through the public catalog API (publishable key). */
  async function priceId(lookupKey) {
    const response = await fetch(`/v1/prices?lookup_keys[]=${encodeURIComponent(lookupKey)}`, {
      headers: { authorization: `Bearer ${PUBLISHABLE_KEY}` },
    });
    if (!response.ok) throw new Error(`Could not load the price ${lookupKey} (${response.status})`);
    const list = await response.json();
    if (!list.data[0]) throw new Error(`The demo catalog has no price ${lookupKey}; run npm start again to seed it.`);
    return list.data[0].id;
  }

  async function placeCheckout() {
    const slots = [
      ['checkout-slot', 'abona-checkout', 'checkout-inline'],
      ['wallet-slot', 'abona-wallet-button', 'wallet'],
    ];
    for (const [slotId, tag, id] of slots) {
      const slot = document.getElementById(slotId);
      try {
        const element = document.createElement(tag);
        element.id = id;
        element.setAttribute('price', await priceId(slot.dataset.lookupKey));
        for (const name of ['locale', 'theme', 'country']) {
          const value = stored(name, '');
          if (value) element.setAttribute(name, value);
        }
        slot.replaceWith(element);
      } catch (error) {
        slot.textContent = String(error.message || error);
        slot.className = 'demo-error';
      }
    }
  }

  /** Lists every Abona event with its detail, and remembers the customer of a finished checkout. */
  function logEvents() {
    const log = document.getElementById('event-log');
    const types = [
      'abona-loaded',
      'abona-plan-selected',
      'abona-before-checkout',
      'abona-checkout-completed',
      'abona-checkout-failed',
      'abona-before-plan-change',
      'abona-subscription-changed',
      'abona-subscription-canceled',
      'abona-error',
    ];
    for (const type of types) {
      document.addEventListener(type, (event) => {
        const item = document.createElement('li');
        const name = document.createElement('code');
        name.textContent = type;
        const detail = document.createElement('span');
        detail.textContent = event.detail ? ` ${JSON.stringify(event.detail).slice(0, 240)}` : '';
        item.append(name, detail);
        log.prepend(item);
        while (log.children.length > 30) log.lastElementChild.remove();
        // abona-checkout-completed carries the new customer as `customerId` (AbonaCheckoutCompletedEvent).
        const customer = event.detail && event.detail.customerId;
        if (type === 'abona-checkout-completed' && typeof customer === 'string' && customer) {
          localStorage.setItem('abona-demo:customer', customer);
          const portal = document.getElementById('portal-element');
          if (portal) portal.setAttribute('session-endpoint', `/demo/portal-session?customer=${encodeURIComponent(customer)}`);
        }
      });
    }
  }

  function restoreCustomer() {
    const customer = localStorage.getItem('abona-demo:customer');
    const portal = document.getElementById('portal-element');
    if (customer && portal) portal.setAttribute('session-endpoint', `/demo/portal-session?customer=${encodeURIComponent(customer)}`);
  }

  logEvents();
  restoreCustomer();
  setUpSwitchers();
  placeCheckout();
})();
