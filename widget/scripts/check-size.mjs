/*
 * Fails when a bundle outgrows its gzip budget: what a vendor's page loads is a feature.
 * Bundles are built in memory from source, so this runs in `npm test` without a build.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { budgets, measuredBundles, shippedBundles } from './bundles.mjs';

const esm = shippedBundles.filter((b) => b.format === 'esm');
let failed = false;
for (const options of [...esm, ...measuredBundles]) {
  const result = await build({ ...options, write: false, sourcemap: false });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const gzip = gzipSync(js.contents, { level: 9 }).length;
  const budget = budgets[options.outfile];
  const ok = budget === undefined || gzip <= budget;
  failed ||= !ok;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${options.outfile.padEnd(28)} ${kb(js.contents.length).padStart(9)} raw  ${kb(gzip).padStart(8)} gzip  budget ${budget ? kb(budget) : '—'}`);
}
if (failed) {
  console.error('Size budget exceeded: trim the bundle or raise the budget with a reason in the commit.');
  process.exit(1);
}
