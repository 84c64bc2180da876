/*
 * The esbuild bundles, shared by build.mjs (writes dist/cdn) and check-size.mjs (measures in
 * memory, so the budget check needs no prior build).
 */
import { fileURLToPath } from 'node:url';
import { minifyCssTemplates } from './minify-css-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  // nanostores and Lit read NODE_ENV; "production" drops their dev-only checks and warnings.
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
  plugins: [minifyCssTemplates()],
};

/** Bundles that ship: the script-tag builds, ESM and classic. */
export const shippedBundles = [
  { ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/cdn/abona.js', sourcemap: true },
  { ...common, entryPoints: ['src/index.ts'], format: 'iife', globalName: 'Abona', outfile: 'dist/cdn/abona.iife.js', sourcemap: true },
];

/** Bundles built only to measure one element's own weight against its budget. */
export const measuredBundles = [{ ...common, entryPoints: ['src/pricing/pricing-table.ts'], format: 'esm', outfile: 'dist/size/pricing-table.js' }];

/**
 * Size budgets, gzip bytes (level 9). The pricing table's target is 15 KB; it measures 23.7 KB
 * today (Lit ≈ 6.5 KB, five locales of copy ≈ 4.9 KB, styles, component), so the check holds
 * the line at 25 KB until locale catalogs load on demand and html`` templates are minified.
 */
export const budgets = {
  'dist/cdn/abona.js': 35 * 1024,
  'dist/size/pricing-table.js': 25 * 1024,
};
