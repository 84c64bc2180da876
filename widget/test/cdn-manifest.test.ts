import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { demoKey, text } from './helpers.js';

/*
 * The CDN manifest against the files it describes, checked by the browser's own SRI and by
 * recomputing SHA-384; then the module bundle loaded as a vendor page would, fetching its
 * Romanian chunk on demand.
 */
interface Manifest {
  name: string;
  files: Record<string, { integrity: string; bytes: number; gzipBytes: number }>;
}

const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

describe('CDN manifest and abona.js (module script tag)', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = (await (await fetch('/cdn/manifest.json')).json()) as Manifest;
  });

  it('lists both bundles and every language chunk', () => {
    const files = Object.keys(manifest.files);
    expect(manifest.name).to.equal('@abona/widget');
    expect(files).to.include.members(['abona.js', 'abona.iife.js']);
    for (const locale of ['ro', 'de', 'fr', 'es']) expect(files.some((f) => new RegExp(`^chunks/${locale}-\\w+\\.js$`).test(f)), locale).to.equal(true);
  });

  it('has an SRI hash and size that match each file', async () => {
    for (const [file, info] of Object.entries(manifest.files)) {
      // fetch() with `integrity` rejects when the bytes do not hash to it.
      const response = await fetch(`/cdn/${file}`, { integrity: info.integrity, cache: 'no-store' });
      const bytes = await response.arrayBuffer();
      expect(bytes.byteLength, file).to.equal(info.bytes);
      expect(`sha384-${base64(await crypto.subtle.digest('SHA-384', bytes))}`, file).to.equal(info.integrity);
    }
  });

  it('a wrong hash is refused (the check above is a real one)', async () => {
    const info = manifest.files['abona.js']!;
    const tampered = `${info.integrity.slice(0, -2)}${info.integrity.endsWith('A=') ? 'B=' : 'A='}`;
    const error = await fetch('/cdn/abona.js', { integrity: tampered, cache: 'no-store' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
  });

  it('abona.js loads as a module under its hash and fetches only the language it needs', async () => {
    performance.clearResourceTimings(); // forget the fetches of the tests above
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/cdn/abona.js';
    script.integrity = manifest.files['abona.js']!.integrity;
    Object.assign(script.dataset, { publishableKey: demoKey, apiBase: '/api/demo', locale: 'ro' });
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    const el = await fixture(html`<abona-pricing-table country="RO" currency="EUR"></abona-pricing-table>`);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('article.card').length, 'no cards from the ESM bundle', { timeout: 4000 });
    expect(text(el.shadowRoot!.querySelector('article.card .headline'))).to.equal('9 € / lună');
    const chunks = performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith('/cdn/chunks/') && !p.includes('/chunk-'));
    expect(chunks.map((p) => p.replace(/-\w+\.js$/, ''))).to.deep.equal(['/cdn/chunks/ro']);
  });
});
