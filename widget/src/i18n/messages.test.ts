import { expect } from '@open-wc/testing';
import { checkoutMessages } from './messages/checkout.js';
import { commonMessages } from './messages/common.js';
import { portalMessages } from './messages/portal.js';
import { pricingMessages } from './messages/pricing.js';
import { walletMessages } from './messages/wallet.js';
import { supportedLocales } from './locale.js';
import type { Catalogs, Message } from './translate.js';

const sets: Record<string, Catalogs<string>> = {
  common: commonMessages,
  pricing: pricingMessages,
  checkout: checkoutMessages,
  portal: portalMessages,
  wallet: walletMessages,
};

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (message: Message): string[] => [...new Set(forms(message).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

describe('message catalogs', () => {
  for (const [name, catalogs] of Object.entries(sets)) {
    describe(name, () => {
      const englishKeys = Object.keys(catalogs.en).sort();

      it('has at least one key', () => {
        expect(englishKeys.length).to.be.greaterThan(0);
      });

      for (const locale of supportedLocales) {
        it(`${locale} has exactly the English keys, none empty`, () => {
          expect(Object.keys(catalogs[locale]).sort()).to.deep.equal(englishKeys);
          for (const key of englishKeys) {
            for (const form of forms(catalogs[locale][key]!)) expect(form.trim(), `${locale}:${key}`).to.not.equal('');
          }
        });

        it(`${locale} uses the same placeholders as English`, () => {
          for (const key of englishKeys) {
            // A translation that drops {amount} would show a price-less sentence.
            expect(placeholders(catalogs[locale][key]!), `${locale}:${key}`).to.deep.equal(placeholders(catalogs.en[key]!));
          }
        });

        it(`${locale} plural messages have an "other" form`, () => {
          for (const key of englishKeys) {
            const message = catalogs[locale][key]!;
            if (typeof message !== 'string') expect(message.other, `${locale}:${key}`).to.be.a('string');
          }
        });
      }
    });
  }

  it('Romanian is written with its diacritics (ș, ț with comma below, not cedilla)', () => {
    const all = Object.values(sets).flatMap((c) => Object.values(c.ro).flatMap(forms)).join(' ');
    expect(all).to.contain('Abonează-te');
    expect(all).to.contain('Anulează abonamentul');
    expect(all).to.contain('Factura următoare');
    // ş (U+015F) and ţ (U+0163) are the wrong, cedilla forms.
    expect(all).to.not.match(/[\u015e\u015f\u0162\u0163]/);
  });
});
