import { expect } from '@open-wc/testing';
import { lazyCatalogs } from './lazy-catalogs.js';
import type { Catalog } from './translate.js';

type Key = 'hi';
const en: Catalog<Key> = { hi: 'Hi' };

function loaders(calls: string[], fail: ReadonlySet<string> = new Set()) {
  const make = (language: string, text: string) => () => {
    calls.push(language);
    return fail.has(language) ? Promise.reject(new Error('chunk failed')) : Promise.resolve<Catalog<Key>>({ hi: text });
  };
  return { ro: make('ro', 'Salut'), de: make('de', 'Hallo'), fr: make('fr', 'Salut'), es: make('es', 'Hola') };
}

describe('lazyCatalogs', () => {
  it('has English at once and loads nothing for it', async () => {
    const calls: string[] = [];
    const messages = lazyCatalogs(en, loaders(calls));
    expect(messages.ready('en-GB')).to.equal(true);
    expect(messages.ready('pt-BR')).to.equal(true); // unsupported languages render English
    await messages.load('en');
    expect(calls).to.deep.equal([]);
  });

  it('loads a language once, shared by concurrent callers, and fills the catalogs in place', async () => {
    const calls: string[] = [];
    const messages = lazyCatalogs(en, loaders(calls));
    expect(messages.ready('ro-RO')).to.equal(false);
    await Promise.all([messages.load('ro-RO'), messages.load('ro'), messages.load('ro_MD')]);
    await messages.load('ro');
    expect(calls).to.deep.equal(['ro']);
    expect(messages.ready('ro')).to.equal(true);
    expect(messages.catalogs.ro).to.deep.equal({ hi: 'Salut' });
    expect(messages.catalogs.de).to.equal(undefined);
  });

  it('falls back to English when a chunk fails, and tries again on the next load', async () => {
    const calls: string[] = [];
    const messages = lazyCatalogs(en, loaders(calls, new Set(['de'])));
    await messages.load('de');
    expect(messages.ready('de')).to.equal(true); // render (in English) rather than a skeleton forever
    expect(messages.catalogs.de).to.equal(undefined);
    await messages.load('de');
    expect(calls).to.deep.equal(['de', 'de']);
  });
});
