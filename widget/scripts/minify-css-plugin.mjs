import { readFile } from 'node:fs/promises';

/**
 * esbuild minifies JavaScript but leaves the CSS inside Lit's css`…` templates as written.
 * This plugin strips comments and layout whitespace from them. It only touches css`` literals
 * (which in this codebase interpolate plain identifiers, never nested templates).
 */
export function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!source.includes('css`')) return undefined;
        const contents = source.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Whitespace and comment removal that keeps every selector and value meaning the same. */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/,\s+/g, ',')
    .trim();
}
