/*
 * Fails when a bundle outgrows its gzip budget: what a vendor's page loads is a feature.
 * Bundles are built in memory from source, so this runs in `npm test` without a build.
 * `--analyze` also prints esbuild's per-module breakdown of each budgeted bundle.
 */
import { analyzeMetafile, build } from 'esbuild';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgets, lazyBudgets, lazyChunkBudget, shippedBundles } from './bundles.mjs';

const analyze = process.argv.includes('--analyze');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;

function report(ok, name, raw, gzip, budget) {
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(40)} ${kb(raw).padStart(9)} raw  ${kb(gzip).padStart(8)} gzip  budget ${budget ? kb(budget) : '—'}`);
}

for (const options of shippedBundles.filter((b) => b.format === 'esm')) {
  // As shipped, sourceMappingURL comments included: a page downloads those bytes too.
  const result = await build({ ...options, write: false, metafile: true });
  const root = options.absWorkingDir;
  const files = new Map(result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [relative(root, f.path), f.contents]));
  const gzip = (path) => gzipSync(files.get(path), { level: 9 }).length;
  const outputs = result.metafile.outputs;
  const lazy = new Set();
  const entries = new Set(Object.values(options.entryPoints));
  for (const [entry, info] of Object.entries(outputs)) {
    // Dynamic imports are entry points to esbuild too; only the configured ones are budgeted.
    if (!entries.has(info.entryPoint)) continue;
    // What the page needs before the element can render: the entry and its static imports.
    const needed = new Set([entry]);
    for (const path of needed) {
      for (const dep of outputs[path].imports) {
        if (dep.kind === 'import-statement') needed.add(dep.path);
        else if (dep.kind === 'dynamic-import') lazy.add(dep.path);
      }
    }
    const raw = [...needed].reduce((sum, p) => sum + files.get(p).length, 0);
    const zipped = [...needed].reduce((sum, p) => sum + gzip(p), 0);
    const budget = budgets[entry];
    const label = needed.size > 1 ? `${entry} (+${needed.size - 1} static chunks)` : entry;
    report(budget === undefined || zipped <= budget, label, raw, zipped, budget);
    if (analyze) console.log(await analyzeMetafile({ ...result.metafile, outputs: Object.fromEntries([...needed].map((p) => [p, outputs[p]])) }));
  }
  // Lazy chunks load lazy chunks of their own (the checkout view its languages and test-mode
  // parts): those are listed and budgeted too.
  for (const path of lazy) {
    for (const dep of outputs[path].imports) if (dep.kind === 'dynamic-import') lazy.add(dep.path);
  }
  for (const path of [...lazy].sort()) {
    const zipped = gzip(path);
    const budget = lazyBudgets[outputs[path].entryPoint] ?? lazyChunkBudget;
    report(zipped <= budget, `  lazy ${outputs[path].entryPoint ?? relative(options.outdir, path)}`, files.get(path).length, zipped, budget);
  }
}
if (failed) {
  console.error('Size budget exceeded: trim the bundle or raise the budget with a reason in the commit.');
  process.exit(1);
}
