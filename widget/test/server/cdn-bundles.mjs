/*
 * Serves a fresh build of the CDN files (scripts/build-cdn.mjs) at /cdn/, byte for byte as
 * written, so browser tests load abona.js / abona.iife.js exactly as a vendor page does: with
 * their SRI hashes from the manifest. Answered before the dev server's own transforms run.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildCdn } from '../../scripts/build-cdn.mjs';

// Outside dist/, so a publish never ships test builds.
const outdir = 'node_modules/.cache/abona-cdn-test';
const root = fileURLToPath(new URL(`../../${outdir}/`, import.meta.url));
const types = { js: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8', map: 'application/json; charset=utf-8' };

/** A wtr plugin (builds at start) and middleware (serves `<mount>/<file>`). */
export function cdnBundles({ mount = '/cdn' } = {}) {
  let built;
  const ensureBuilt = () => (built ??= buildCdn(outdir));
  return {
    plugin: { name: 'abona-cdn-bundles', serverStart: () => ensureBuilt().then(() => undefined) },
    async middleware(ctx, next) {
      if (!ctx.path.startsWith(`${mount}/`)) return next();
      await ensureBuilt();
      const file = ctx.path.slice(mount.length + 1);
      if (file.includes('..')) return next();
      try {
        ctx.body = await readFile(`${root}${file}`);
        ctx.type = types[file.split('.').pop()] ?? 'application/octet-stream';
      } catch {
        ctx.status = 404;
      }
      return undefined;
    },
  };
}
