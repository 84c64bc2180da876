import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { demoKey, text } from '../../test/helpers.js';

/*
 * dist/cdn/pricing-table.js, the pricing table alone for a script tag, loaded as a vendor page
 * would (under its SRI hash) from the freshly built CDN files the test server mounts at /cdn/:
 * it defines the element, renders from the real server, and fetches its lazy chunks from its own
 * folder, never abona.js or abona.js's chunks. Its size budget is measured on these files.
 */
interface Manifest {
  files: Record<string, { integrity: string }>;
}

describe('pricing-table.js (the table alone, module script tag)', () => {
  it('lists itself and its chunks, all under pricing-table/, in the manifest', async () => {
    const { files } = (await (await fetch('/cdn/manifest.json')).json()) as Manifest;
    const own = Object.keys(files).filter((f) => f.startsWith('pricing-table'));
    expect(own).to.include('pricing-table.js');
    for (const chunk of ['chunk', 'extras', 'ro', 'de', 'fr', 'es']) expect(own.some((f) => new RegExp(`^pricing-table/${chunk}-\\w+\\.js$`).test(f)), chunk).to.equal(true);
  });

  it('loads under its hash, renders the table and fetches only its own chunks', async () => {
    const { files } = (await (await fetch('/cdn/manifest.json')).json()) as Manifest;
    performance.clearResourceTimings();
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/cdn/pricing-table.js';
    script.integrity = files['pricing-table.js']!.integrity;
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    const specifier = '/cdn/pricing-table.js';
    const module = (await import(specifier)) as { PricingTable: unknown };
    expect(customElements.get('abona-pricing-table')).to.equal(module.PricingTable);

    const el = await fixture(html`<abona-pricing-table publishable-key=${demoKey} api-base="/api/demo" locale="ro" country="RO" currency="EUR"></abona-pricing-table>`);
    await waitUntil(() => el.shadowRoot?.querySelectorAll('article.card').length, 'no cards from pricing-table.js', { timeout: 4000 });
    expect(text(el.shadowRoot!.querySelector('article.card .headline'))).to.equal('9 € / lună');
    // The demo catalog bills monthly and yearly, so the interval switch (extras) is there too.
    await waitUntil(() => el.shadowRoot?.querySelector('[role="radiogroup"]'), 'no interval switch from the extras chunk', { timeout: 4000 });
    const scripts = performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith('/cdn/') && p.endsWith('.js'));
    expect(scripts.every((p) => p === '/cdn/pricing-table.js' || p.startsWith('/cdn/pricing-table/')), scripts.join(', ')).to.equal(true);
    expect(scripts.map((p) => p.replace(/^(\/cdn\/pricing-table\/\w+)-\w+\.js$/, '$1')).sort()).to.deep.equal(['/cdn/pricing-table.js', '/cdn/pricing-table/chunk', '/cdn/pricing-table/extras', '/cdn/pricing-table/ro']);
  });
});
