import { expect } from '@open-wc/testing';
import { catalogLocale, formattingLocale } from './locale.js';
import { createTranslator, defineMessages, missingMessages } from './translate.js';

const messages = defineMessages({
  en: { hello: 'Hello, {name}', seats: { one: '{count} seat', other: '{count} seats' }, onlyEnglish: 'Only English' },
  ro: { hello: 'Salut, {name}', seats: { one: '{count} loc', few: '{count} locuri', other: '{count} de locuri' }, onlyEnglish: 'Doar engleză' },
  de: { hello: 'Hallo, {name}', seats: { one: '{count} Platz', other: '{count} Plätze' }, onlyEnglish: 'Nur Englisch' },
  fr: { hello: 'Bonjour, {name}', seats: { one: '{count} place', other: '{count} places' }, onlyEnglish: 'Anglais seulement' },
  es: { hello: 'Hola, {name}', seats: { one: '{count} plaza', other: '{count} plazas' }, onlyEnglish: 'Solo inglés' },
});

describe('createTranslator', () => {
  it('fills placeholders', () => {
    expect(createTranslator(messages, 'ro-RO')('hello', { name: 'Ana' })).to.equal('Salut, Ana');
  });

  it('picks Romanian plural forms one / few / other', () => {
    const t = createTranslator(messages, 'ro');
    expect(t('seats', { count: 1 })).to.equal('1 loc');
    expect(t('seats', { count: 2 })).to.equal('2 locuri');
    expect(t('seats', { count: 19 })).to.equal('19 locuri');
    expect(t('seats', { count: 20 })).to.equal('20 de locuri');
    expect(t('seats', { count: 101 })).to.equal('101 locuri');
  });

  it('formats numbers in placeholders for the locale', () => {
    expect(createTranslator(messages, 'de')('seats', { count: 1200 })).to.equal('1.200 Plätze');
    expect(createTranslator(messages, 'en')('seats', { count: 1200 })).to.equal('1,200 seats');
  });

  it('falls back to English for unsupported languages and records nothing missing', () => {
    missingMessages.clear();
    expect(createTranslator(messages, 'ja-JP')('hello', { name: 'Ken' })).to.equal('Hello, Ken');
    expect([...missingMessages]).to.deep.equal([]);
  });

  it('records a key missing in a language and shows English instead of the key', () => {
    missingMessages.clear();
    const partial = { ...messages, ro: { ...messages.ro } } as typeof messages;
    delete (partial.ro as Record<string, unknown>)['onlyEnglish'];
    expect(createTranslator(partial, 'ro')('onlyEnglish')).to.equal('Only English');
    expect([...missingMessages]).to.deep.equal(['ro:onlyEnglish']);
    missingMessages.clear();
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(createTranslator(messages, 'en')('hello')).to.equal('Hello, {name}');
  });
});

describe('locales', () => {
  it('maps tags to catalogs', () => {
    expect(catalogLocale('ro-RO')).to.equal('ro');
    expect(catalogLocale('de_AT')).to.equal('de');
    expect(catalogLocale('pt-BR')).to.equal('en');
  });

  it('repairs or replaces tags Intl would reject', () => {
    expect(formattingLocale('ro_RO')).to.equal('ro-RO');
    expect(formattingLocale('not a locale!')).to.equal('en');
  });
});

describe('createTranslator with catalogs still loading', () => {
  it('speaks English for a language whose catalog is not loaded, and says so once', () => {
    missingMessages.clear();
    const t = createTranslator({ en: messages.en }, 'de');
    expect(t('hello', { name: 'Ana' })).to.equal('Hello, Ana');
    expect(t('seats', { count: 1200 })).to.equal('1.200 seats'); // English words, German number format
    expect([...missingMessages]).to.deep.equal(['de:*']);
    missingMessages.clear();
  });
});
