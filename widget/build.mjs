/*
 * Builds the CDN files (run after `tsc -b`, which emits the npm ESM build with .d.ts into
 * dist/esm): dist/cdn/abona.js (ESM), dist/cdn/abona.iife.js (global `Abona`), a manifest with
 * each file's SRI hash and sizes, and the Custom Elements Manifest.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { shippedBundles } from './scripts/bundles.mjs';
import { writeCustomElementsManifest } from './scripts/custom-elements-manifest.mjs';

await mkdir('dist/cdn', { recursive: true });
await Promise.all(shippedBundles.map((options) => build(options)));

const files = {};
for (const { outfile } of shippedBundles) {
  const bytes = await readFile(outfile);
  files[outfile.replace('dist/cdn/', '')] = {
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    brotliBytes: brotliCompressSync(bytes).length,
  };
}
const { version } = JSON.parse(await readFile('package.json', 'utf8'));
await writeFile('dist/cdn/manifest.json', `${JSON.stringify({ name: '@abona/widget', version, files }, null, 2)}\n`);
await writeCustomElementsManifest('dist/custom-elements.json');

for (const [file, info] of Object.entries(files)) {
  console.log(`${file.padEnd(16)} ${String(info.bytes).padStart(7)} B  gzip ${String(info.gzipBytes).padStart(6)} B  ${info.integrity}`);
}
