/*
 * The esbuild bundles, shared by build.mjs (writes dist/cdn) and check-size.mjs (measures in
 * memory, so the budget check needs no prior build).
 */
import { readFile } from 'node:fs/promises';
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

/**
 * abona.js carries all four elements, and checkout and portal already import the seat stepper,
 * the interval switch and the error panel that the pricing table defers to src/pricing/extras.ts.
 * Left as an import() there, esbuild would give those modules a shared chunk of their own (one
 * more file, gzipped apart) to save nothing, so abona.js takes extras.ts in statically. The
 * pricing table alone (`measuredBundles`) and the npm build keep it lazy.
 */
function eagerPricingExtras() {
  return {
    name: 'eager-pricing-extras',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]pricing[\\/]lazy-parts\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const eager = source.replace("lazyModule(() => import('./extras.js'))", 'loadedModule(eagerExtras)');
        if (eager === source) throw new Error(`${path} no longer loads ./extras.js with lazyModule(import()): update eagerPricingExtras()`);
        return { contents: `import * as eagerExtras from './extras.js';\nimport { loadedModule } from './lazy-module.js';\n${eager}`, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles that ship. The module build splits: `abona.js` carries English, and each other
 * language's copy is a chunk under `chunks/` that `import()` fetches relative to abona.js the
 * first time an element renders in it. The classic-script build cannot split, so it carries every
 * language inline: one file under one SRI hash, for pages that want exactly that.
 */
export const shippedBundles = [
  { ...common, plugins: [eagerPricingExtras(), ...common.plugins], entryPoints: { abona: 'src/index.ts' }, format: 'esm', splitting: true, outdir: 'dist/cdn', chunkNames: 'chunks/[name]-[hash]', sourcemap: true },
  { ...common, entryPoints: { 'abona.iife': 'src/index.ts' }, format: 'iife', globalName: 'Abona', outdir: 'dist/cdn', sourcemap: true },
];

/** Bundles built only to measure one element's own weight against its budget. */
export const measuredBundles = [
  { ...common, entryPoints: { 'pricing-table': 'src/pricing/pricing-table.ts' }, format: 'esm', splitting: true, outdir: 'dist/size', chunkNames: 'chunks/[name]-[hash]' },
];

/**
 * Size budgets, gzip bytes (level 9), for what a page must download before an element can
 * render: the entry file plus every chunk it imports statically. Lazy chunks (other languages)
 * are listed by the check but load only when needed; each stays under `lazyChunkBudget`.
 *
 * The pricing table's target is 15 KB (issue #6). It measures 18.6 KB (was 19.7): Lit ≈ 5.8, the
 * component and its card view model ≈ 3.5, its styles and the design tokens ≈ 2.6, price
 * formatting ≈ 1.6, English copy ≈ 1.1, API client, store, nanostores, config and the lazy loader
 * ≈ 2.8, and ≈ 0.6 for being two files (entry + the chunk it shares with extras.ts). What only
 * some data or clicks need (stepper, interval switch, tier table, usage lines, error panel,
 * checkout opener) is already the lazy extras.ts; the rest is what every first render runs, so
 * the line holds at 19 KB until that code shrinks (`node scripts/check-size.mjs --analyze`).
 */
export const budgets = {
  'dist/cdn/abona.js': 35 * 1024,
  'dist/size/pricing-table.js': 19 * 1024,
};

/** Budget of each chunk loaded with import(): one language of one element's copy. */
export const lazyChunkBudget = 3 * 1024;

/**
 * Lazy chunks that are views rather than copy, with their own budgets (gzip bytes). The portal's
 * views load when an `<abona-portal>` first connects, so pages with a pricing table or checkout
 * only never download them; abona.js carries only the element's small shell.
 */
export const lazyBudgets = {
  // The seat stepper, interval switch, tier table, usage lines, error panel and checkout opener (extras.ts).
  'src/pricing/extras.ts': 4 * 1024,
  'src/portal/portal-app.ts': 18 * 1024,
};
