/*
 * The CDN files and their manifest, shared by build.mjs (dist/cdn) and the browser tests (which
 * build a fresh copy to load the bundles exactly as a vendor page would, SRI included).
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { shippedBundles } from './bundles.mjs';

/**
 * Builds abona.js (ESM, English inline, other languages as chunks/*.js), abona.iife.js (global
 * `Abona`, every language inline) and manifest.json (each file's SRI hash and sizes) into
 * `outdir` (relative to the widget folder), replacing what was there. `overrides` are esbuild
 * options for experiments (the benchmark's `--profile` builds unminified).
 * @returns {Promise<{ name: string, version: string, files: Record<string, { integrity: string, bytes: number, gzipBytes: number, brotliBytes: number }> }>}
 */
export async function buildCdn(outdir = 'dist/cdn', overrides = {}) {
  const root = shippedBundles[0].absWorkingDir;
  const dir = join(root, outdir);
  // Chunk names carry content hashes: start clean so the manifest lists only what ships.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const results = await Promise.all(shippedBundles.map((options) => build({ ...options, ...overrides, outdir, metafile: true })));
  const outputs = results.flatMap((r) => Object.keys(r.metafile.outputs)).filter((path) => path.endsWith('.js'));
  const files = {};
  for (const path of outputs.sort()) {
    const bytes = await readFile(join(root, path));
    files[relative(outdir, path)] = {
      integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
      brotliBytes: brotliCompressSync(bytes).length,
    };
  }
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const manifest = { name: '@abona/widget', version, files };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
