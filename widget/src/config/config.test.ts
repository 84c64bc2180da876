import { expect } from '@open-wc/testing';
import { $config, configure } from './config.js';
import { keyError } from '../api/key-error.js';
import { keyKind } from './key.js';
import { resolveSettings } from './resolve.js';
import { readScriptConfig } from './script-config.js';

describe('keyKind', () => {
  it('tells publishable from secret, missing and malformed keys', () => {
    expect(keyKind('pk_test_abc123')).to.equal('publishable');
    expect(keyKind('pk_live_abc123')).to.equal('publishable');
    expect(keyKind('sk_test_abc')).to.equal('secret');
    expect(keyKind('rk_live_abc')).to.equal('secret');
    expect(keyKind('')).to.equal('missing');
    expect(keyKind(undefined)).to.equal('missing');
    expect(keyKind('pk_abc')).to.equal('malformed');
  });
});

describe('configure and settings', () => {
  beforeEach(() => $config.set({}));

  it('lets element attributes win over configure(), which wins over page defaults', () => {
    configure({ publishableKey: 'pk_test_page', apiBase: 'https://billing.example.com/', locale: 'ro' });
    const fromPage = resolveSettings({}, $config.get());
    expect(fromPage).to.include({ publishableKey: 'pk_test_page', apiBase: 'https://billing.example.com', locale: 'ro', theme: 'light', keySource: 'configure' });
    const fromElement = resolveSettings({ publishableKey: 'pk_test_el', locale: 'de', theme: 'dark' }, $config.get());
    expect(fromElement).to.include({ publishableKey: 'pk_test_el', locale: 'de', theme: 'dark', keySource: 'attribute' });
  });

  it('names the setting that holds a wrong key: the attribute, the script tag or configure()', () => {
    expect(resolveSettings({}, {}).keySource).to.equal('attribute');
    expect(resolveSettings({}, { publishableKey: 'x', source: 'script' }).keySource).to.equal('script');
    const message = (keySource: 'attribute' | 'script' | 'configure') => keyError({ keyKind: 'malformed', keySource })?.message;
    expect(message('attribute')).to.equal('Abona: the publishable-key attribute is not a publishable key (pk_test_… or pk_live_…).');
    expect(message('script')).to.equal('Abona: the data-publishable-key attribute of the Abona script tag is not a publishable key (pk_test_… or pk_live_…).');
    expect(message('configure')).to.equal('Abona: configure({ publishableKey }) is not a publishable key (pk_test_… or pk_live_…).');
    expect(keyError({ keyKind: 'missing', keySource: 'script' })?.message).to.equal('Abona: no publishable key. Set the data-publishable-key attribute of the Abona script tag to your pk_… key.');
  });

  it('sets Lit’s CSP nonce for the <style> fallback', () => {
    configure({ nonce: 'abc123' });
    expect((globalThis as { litNonce?: string }).litNonce).to.equal('abc123');
  });
});

describe('readScriptConfig', () => {
  it('reads data-* attributes from a module script whose src ends in abona.js, API base defaulting to its origin', () => {
    const doc = document.implementation.createHTMLDocument('page');
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = 'https://billing.example.com/widget/abona.js';
    script.dataset['publishableKey'] = 'pk_live_abc';
    script.dataset['locale'] = 'ro';
    script.dataset['theme'] = 'auto';
    doc.head.append(script);
    expect(readScriptConfig(doc)).to.deep.equal({ source: 'script', publishableKey: 'pk_live_abc', apiBase: 'https://billing.example.com', locale: 'ro', theme: 'auto' });
    script.dataset['apiBase'] = 'https://api.example.com';
    expect(readScriptConfig(doc)?.apiBase).to.equal('https://api.example.com');
  });

  it('ignores other scripts', () => {
    const doc = document.implementation.createHTMLDocument('page');
    const other = doc.createElement('script');
    other.src = 'https://cdn.example.com/not-abona.js';
    doc.head.append(other);
    expect(readScriptConfig(doc)).to.equal(undefined);
  });
});
