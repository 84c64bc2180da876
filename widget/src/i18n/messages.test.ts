import { expect } from '@open-wc/testing';
import { checkoutDe } from './messages/checkout/de.js';
import { checkoutEn } from './messages/checkout/en.js';
import { checkoutEs } from './messages/checkout/es.js';
import { checkoutFr } from './messages/checkout/fr.js';
import { checkoutRo } from './messages/checkout/ro.js';
import { commonDe } from './messages/common/de.js';
import { commonEn } from './messages/common/en.js';
import { commonEs } from './messages/common/es.js';
import { commonFr } from './messages/common/fr.js';
import { commonRo } from './messages/common/ro.js';
import { flowDe } from './messages/flow/de.js';
import { flowEn } from './messages/flow/en.js';
import { flowEs } from './messages/flow/es.js';
import { flowFr } from './messages/flow/fr.js';
import { flowRo } from './messages/flow/ro.js';
import { portalDe } from './messages/portal/de.js';
import { portalEn } from './messages/portal/en.js';
import { portalEs } from './messages/portal/es.js';
import { portalFr } from './messages/portal/fr.js';
import { portalRo } from './messages/portal/ro.js';
import { pricingDe } from './messages/pricing/de.js';
import { pricingEn } from './messages/pricing/en.js';
import { pricingEs } from './messages/pricing/es.js';
import { pricingFr } from './messages/pricing/fr.js';
import { pricingRo } from './messages/pricing/ro.js';
import { walletDe } from './messages/wallet/de.js';
import { walletEn } from './messages/wallet/en.js';
import { walletEs } from './messages/wallet/es.js';
import { walletFr } from './messages/wallet/fr.js';
import { walletRo } from './messages/wallet/ro.js';
import { commonFeatureEn } from './messages/common/en-features.js';
import { pricingFirstRenderEn } from './messages/pricing/en-first-render.js';
import { pricingOnDemandEn } from './messages/pricing/en-on-demand.js';
import { extras } from '../pricing/lazy-parts.js';
import { pricingTableMessages, type PricingMessageKey } from '../pricing/messages.js';
import { supportedLocales } from './locale.js';
import type { Catalog, Catalogs, Message } from './translate.js';

// Each language of each area is its own module (so bundles can load one language only); the
// checks below hold them together as the type system does at compile time.
const sets: Record<string, Catalogs<string>> = {
  common: { en: commonEn, ro: commonRo, de: commonDe, fr: commonFr, es: commonEs },
  flow: { en: flowEn, ro: flowRo, de: flowDe, fr: flowFr, es: flowEs },
  pricing: { en: pricingEn, ro: pricingRo, de: pricingDe, fr: pricingFr, es: pricingEs },
  checkout: { en: checkoutEn, ro: checkoutRo, de: checkoutDe, fr: checkoutFr, es: checkoutEs },
  portal: { en: portalEn, ro: portalRo, de: portalDe, fr: portalFr, es: portalEs },
  wallet: { en: walletEn, ro: walletRo, de: walletDe, fr: walletFr, es: walletEs },
};

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const placeholders = (message: Message): string[] => [...new Set(forms(message).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

function expectSameKeys(catalog: Catalog<string>, english: Catalog<string>, label: string): void {
  const englishKeys = Object.keys(english).sort();
  expect(Object.keys(catalog).sort(), label).to.deep.equal(englishKeys);
  for (const key of englishKeys) {
    for (const form of forms(catalog[key]!)) expect(form.trim(), `${label}:${key}`).to.not.equal('');
  }
}

describe('message catalogs', () => {
  for (const [name, catalogs] of Object.entries(sets)) {
    describe(name, () => {
      const englishKeys = Object.keys(catalogs.en).sort();

      it('has at least one key, all in its own namespace', () => {
        expect(englishKeys.length).to.be.greaterThan(0);
        for (const key of englishKeys) expect(key.startsWith(`${name}.`), key).to.equal(true);
      });

      for (const locale of supportedLocales) {
        it(`${locale} has exactly the English keys, none empty`, () => {
          expectSameKeys(catalogs[locale], catalogs.en, locale);
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

  describe('pricing table, loaded on demand', () => {
    it('English is at hand for a first render; with the extras chunk it covers common + pricing, without checkout, portal or flow copy', async () => {
      // What a flat-priced table renders ships with it; what only the on-demand parts render comes with them.
      for (const key of [...Object.keys(commonFeatureEn), ...Object.keys(pricingFirstRenderEn)]) {
        expect(pricingTableMessages.catalogs.en[key as PricingMessageKey], key).to.not.equal(undefined);
      }
      expect(Object.keys(pricingOnDemandEn).some((k) => k in pricingFirstRenderEn)).to.equal(false);
      await extras.load();
      const english = pricingTableMessages.catalogs.en;
      expect(Object.keys(english).sort()).to.deep.equal([...Object.keys(commonEn), ...Object.keys(pricingEn)].sort());
      expect(Object.keys(english).some((k) => /^(checkout|portal|flow|wallet)\./.test(k))).to.equal(false);
    });

    for (const locale of supportedLocales.filter((l) => l !== 'en')) {
      it(`${locale} loads as its own module with every English key`, async () => {
        await Promise.all([pricingTableMessages.load(locale), extras.load()]);
        expect(pricingTableMessages.ready(locale)).to.equal(true);
        const loaded = pricingTableMessages.catalogs[locale];
        expect(loaded, `${locale} did not load`).to.not.equal(undefined);
        expectSameKeys(loaded!, pricingTableMessages.catalogs.en, locale);
        expect(loaded!['pricing.label']).to.equal(sets['pricing']![locale]['pricing.label']);
      });
    }
  });

  it('Romanian is written with its diacritics (ș, ț with comma below, not cedilla)', () => {
    const all = Object.values(sets).flatMap((c) => Object.values(c.ro).flatMap(forms)).join(' ');
    expect(all).to.contain('Abonează-te');
    expect(all).to.contain('Anulează abonamentul');
    expect(all).to.contain('Factura următoare');
    // ş (U+015F) and ţ (U+0163) are the wrong, cedilla forms.
    expect(all).to.not.match(/[\u015e\u015f\u0162\u0163]/);
  });
});
