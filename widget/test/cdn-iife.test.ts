import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { demoKey, text } from './helpers.js';

/*
 * The classic-script bundle as a vendor page loads it: <script src=abona.iife.js integrity=…>
 * from the manifest (the browser refuses to run it if the hash is wrong), configured by its
 * data-* attributes, talking to the real server.
 */
interface Manifest {
  files: Record<string, { integrity: string; bytes: number }>;
}
interface AbonaGlobal {
  configure(options: { locale?: string }): void;
  PricingTable: CustomElementConstructor;
  supportedLocales: readonly string[];
}

async function loadScript(src: string, integrity: string, data: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  script.src = src;
  script.integrity = integrity;
  Object.assign(script.dataset, data);
  const loaded = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
  });
  document.head.append(script);
  await loaded;
}

describe('abona.iife.js (classic script tag)', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = (await (await fetch('/cdn/manifest.json')).json()) as Manifest;
  });

  it('loads under its SRI hash and exposes window.Abona with configure', async () => {
    await loadScript('/cdn/abona.iife.js', manifest.files['abona.iife.js']!.integrity, { publishableKey: demoKey, apiBase: '/api/demo' });
    const abona = (window as unknown as { Abona?: AbonaGlobal }).Abona;
    expect(abona, 'window.Abona').to.not.equal(undefined);
    expect(abona!.configure).to.be.a('function');
    expect(customElements.get('abona-pricing-table')).to.equal(abona!.PricingTable);
    expect([...abona!.supportedLocales]).to.deep.equal(['en', 'ro', 'de', 'fr', 'es']);
  });

  it('renders the demo catalog from the real server, in a language it carries inline', async () => {
    const abona = (window as unknown as { Abona: AbonaGlobal }).Abona;
    abona.configure({ locale: 'ro' }); // key and API base came from the script tag's data-*
    const el = await fixture(html`<abona-pricing-table country="RO" currency="EUR"></abona-pricing-table>`);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('article.card').length, 'no cards from the IIFE bundle', { timeout: 4000 });
    const names = Array.from(el.shadowRoot!.querySelectorAll('article.card .name')).map(text);
    expect(names.slice(0, 3)).to.deep.equal(['Basic', 'Pro', 'Enterprise']);
    const basic = el.shadowRoot!.querySelector('article.card')!;
    expect(text(basic.querySelector('.headline'))).to.equal('9 € / lună'); // 900, VAT on top
    expect(text(basic.querySelector('.note'))).to.equal('+ TVA 21%');
    // No chunk was fetched: the IIFE inlines every language.
    const chunks = performance.getEntriesByType('resource').filter((r) => r.name.includes('/cdn/chunks/'));
    expect(chunks).to.deep.equal([]);
  });

  it('is refused by the browser when the hash does not match', async () => {
    const wrong = `sha384-${btoa('x'.repeat(48))}`;
    const error = await loadScript(`/cdn/abona.iife.js?again`, wrong, {}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
  });
});
