/*
 * Builds the CDN files (run after `tsc -b`, which emits the npm ESM build with .d.ts into
 * dist/esm): dist/cdn/abona.js (ESM, English inline, other languages as chunks/*.js),
 * dist/cdn/abona.iife.js (global `Abona`, every language inline), a manifest with each file's
 * SRI hash and sizes, and the Custom Elements Manifest.
 */
import { buildCdn } from './scripts/build-cdn.mjs';
import { writeCustomElementsManifest } from './scripts/custom-elements-manifest.mjs';

const { files } = await buildCdn('dist/cdn');
await writeCustomElementsManifest('dist/custom-elements.json');

for (const [file, info] of Object.entries(files)) {
  console.log(`${file.padEnd(24)} ${String(info.bytes).padStart(7)} B  gzip ${String(info.gzipBytes).padStart(6)} B  ${info.integrity}`);
}
