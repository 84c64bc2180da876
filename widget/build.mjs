/*
 * Builds the CDN files (run after `tsc -b`, which emits the npm ESM build with .d.ts into
 * dist/esm): dist/cdn/abona.js (ESM, English inline, other languages as chunks/*.js),
 * dist/cdn/abona.iife.js (global `Abona`, every language inline), a manifest with each file's
 * SRI hash and sizes, and the Custom Elements Manifest.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { shippedBundles } from './scripts/bundles.mjs';
import { writeCustomElementsManifest } from './scripts/custom-elements-manifest.mjs';

// Chunk names carry content hashes: clear old ones so the manifest lists only what ships.
await rm('dist/cdn', { recursive: true, force: true });
await mkdir('dist/cdn', { recursive: true });
const results = await Promise.all(shippedBundles.map((options) => build({ ...options, metafile: true })));

const outputs = results.flatMap((r) => Object.keys(r.metafile.outputs)).filter((path) => path.endsWith('.js'));
const files = {};
for (const path of outputs.sort()) {
  const bytes = await readFile(path);
  files[path.replace('dist/cdn/', '')] = {
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
  console.log(`${file.padEnd(24)} ${String(info.bytes).padStart(7)} B  gzip ${String(info.gzipBytes).padStart(6)} B  ${info.integrity}`);
}
