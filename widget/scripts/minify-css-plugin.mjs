import { transformSync } from 'esbuild';
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/*
 * esbuild minifies JavaScript but leaves the text inside Lit's tagged templates as written: the
 * indentation of every html`` line and the layout of every css`` rule ship to the browser. This
 * plugin finds the templates with TypeScript's parser (so nested html`` inside ${…} and css``
 * with interpolated token sets are handled exactly) and rewrites only their literal text.
 */
export function minifyCssTemplates() {
  return {
    name: 'minify-lit-templates',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!/\b(css|html|svg)`/.test(source)) return undefined;
        return { contents: minifyLitTemplates(source, path), loader: 'ts' };
      });
    },
  };
}

/** Rewrites the literal parts of every css``, html`` and svg`` template in a TypeScript source. */
export function minifyLitTemplates(source, fileName = 'source.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
      const ranges = parts.map((part, i) => ({
        start: part.getStart(file) + 1, // after ` or }
        end: part.end - (i === parts.length - 1 ? 1 : 2), // before ` or ${
      }));
      const texts = ranges.map(({ start, end }) => source.slice(start, end));
      const minified = node.tag.text === 'css' ? minifyCssParts(texts) : texts.map(minifyHtmlPart);
      ranges.forEach((range, i) => edits.push({ ...range, text: minified[i] }));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/**
 * HTML text: any run of spaces, tabs and newlines that has a newline or is longer than one
 * character becomes one space, which renders the same outside `white-space: pre` (we have none).
 * No-break spaces are not whitespace to HTML and are kept.
 */
function minifyHtmlPart(text) {
  return text.replace(/[ \t\r\n]*\n[ \t\r\n]*|[ \t]{2,}/g, ' ');
}

/**
 * A css`` template through esbuild's CSS minifier (shorter colours and numbers, no layout), its
 * interpolations held by unique placeholder declarations so no rule is merged across them. A
 * declaration list (a token set interpolated into rules elsewhere) is minified inside a dummy
 * rule. Anything the placeholders cannot survive falls back to whitespace removal.
 */
function minifyCssParts(texts) {
  const placeholder = (i) => `--lit-slot-${i}:0;`;
  const joined = texts.map((t, i) => (i === 0 ? t : placeholder(i - 1) + t)).join('');
  const declarationsOnly = !joined.includes('{');
  try {
    let out = transformSync(declarationsOnly ? `a{${joined}}` : joined, { loader: 'css', minify: true, logLevel: 'silent' }).code.trim();
    // A declaration list keeps its last semicolon: it is spliced in before other declarations.
    if (declarationsOnly) out = `${out.slice(2, -1)};`;
    // esbuild keeps custom property values verbatim; their layout spaces are insignificant too.
    out = out.replace(/(--[\w-]+):\s+/g, '$1:').replace(/,\s+/g, ',').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');
    out = tightenCalc(out).replace(/@container[^{]*/g, (prelude) => prelude.replace(/:\s+/g, ':'));
    const pieces = out.split(/--lit-slot-\d+:0;?/);
    const order = [...out.matchAll(/--lit-slot-(\d+)/g)].map((m) => Number(m[1]));
    if (pieces.length === texts.length && order.every((n, i) => n === i)) return pieces;
  } catch {
    // fall through
  }
  return texts.map((text, i) => {
    let out = minifyCss(text, false);
    if (i === 0) out = out.trimStart();
    if (i === texts.length - 1) out = out.trimEnd();
    return out;
  });
}

/**
 * esbuild keeps the spaces around `*` and `/` in calc(), which CSS only needs around `+` and `-`
 * (and a selector's `*` is never inside calc()).
 */
function tightenCalc(css) {
  let out = '';
  let at = 0;
  for (let start = css.indexOf('calc(', at); start >= 0; start = css.indexOf('calc(', at)) {
    let depth = 0;
    let end = start + 4;
    for (; end < css.length; end++) {
      if (css[end] === '(') depth++;
      else if (css[end] === ')' && --depth === 0) break;
    }
    out += css.slice(at, start) + css.slice(start, end + 1).replace(/\s*([*/])\s*/g, '$1');
    at = end + 1;
  }
  return out + css.slice(at);
}

/**
 * Whitespace and comment removal that keeps every selector and value meaning the same. With
 * `trim` false (a part between two interpolations) the ends keep one space, so `${a} ${b}` stays apart.
 */
export function minifyCss(css, trim = true) {
  const out = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/,\s+/g, ',');
  return trim ? out.trim() : out;
}
