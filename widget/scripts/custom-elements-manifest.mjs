/*
 * Generates a Custom Elements Manifest (schema 2.1.0) from the components' JSDoc with the
 * TypeScript compiler API: @summary, @slot, @event, @csspart and @cssproperty from the class
 * comment; attributes and properties from Lit `@property` decorators or `static properties`
 * (inherited ones included);
 * tag names from the `customElements.define('tag', Class)` calls. Small on purpose: our
 * components follow one layout (STYLE.md), so no general-purpose analyzer is needed.
 */
import ts from 'typescript';
import { readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const commentText = (comment) => (typeof comment === 'string' ? comment : (comment ?? []).map((c) => c.text).join('')).trim();

/** Splits "name - description" as used by @slot/@event/@csspart/@cssproperty. */
function nameAndDescription(text) {
  const match = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(text.trim());
  return match ? { name: match[1], description: match[2].trim() } : { name: text.trim(), description: '' };
}

function classDocs(node) {
  const docs = { summary: '', slots: [], events: [], cssParts: [], cssProperties: [] };
  for (const tag of ts.getJSDocTags(node)) {
    const text = commentText(tag.comment);
    switch (tag.tagName.text) {
      case 'summary':
        docs.summary = text.replace(/\s+/g, ' ');
        break;
      case 'slot': {
        const { name, description } = text.startsWith('-') ? { name: '', description: text.slice(1).trim() } : nameAndDescription(text);
        docs.slots.push({ name, description });
        break;
      }
      case 'event':
        docs.events.push(nameAndDescription(text));
        break;
      case 'csspart':
        docs.cssParts.push(nameAndDescription(text));
        break;
      case 'cssproperty':
        docs.cssProperties.push(nameAndDescription(text));
        break;
    }
  }
  return docs;
}

function decorator(member, name) {
  return ts.getDecorators?.(member)?.find((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === name);
}

/** The options of each property in a `static properties = { name: { … } }` declaration, by name. */
function staticPropertyOptions(cls) {
  const declared = new Map();
  for (const member of cls.members) {
    const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || !ts.isPropertyDeclaration(member) || member.name?.getText() !== 'properties') continue;
    if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
    for (const p of member.initializer.properties) if (ts.isPropertyAssignment(p)) declared.set(p.name.getText(), p.initializer);
  }
  return declared;
}

function propertyMembers(cls, checker) {
  const members = [];
  const attributes = [];
  const declared = staticPropertyOptions(cls);
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
    if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
    // A reactive property: a `@property()` decorator, or an entry in `static properties`.
    const prop = decorator(member, 'property');
    if (!prop && !declared.has(member.name.text)) continue;
    const options = prop ? prop.expression.arguments[0] : declared.get(member.name.text);
    let attribute = member.name.text.toLowerCase();
    let reflects = false;
    if (options && ts.isObjectLiteralExpression(options)) {
      for (const p of options.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const key = p.name.getText();
        if (key === 'attribute') attribute = ts.isStringLiteral(p.initializer) ? p.initializer.text : p.initializer.kind === ts.SyntaxKind.FalseKeyword ? undefined : attribute;
        if (key === 'reflect') reflects = p.initializer.kind === ts.SyntaxKind.TrueKeyword;
      }
    }
    const type = member.type ? member.type.getText() : checker.typeToString(checker.getTypeAtLocation(member));
    const typeText = member.questionToken ? `${type} | undefined` : type;
    const description = ts.displayPartsToString(checker.getSymbolAtLocation(member.name)?.getDocumentationComment(checker) ?? []);
    const field = { kind: 'field', name: member.name.text, type: { text: typeText }, description, privacy: 'public' };
    if (member.initializer) field.default = member.initializer.getText();
    if (attribute) {
      field.attribute = attribute;
      if (reflects) field.reflects = true;
      attributes.push({ name: attribute, fieldName: member.name.text, type: { text: typeText }, description, ...(field.default ? { default: field.default } : {}) });
    }
    members.push(field);
  }
  return { members, attributes };
}

/** Builds the manifest object. */
export function customElementsManifest() {
  const files = sourceFiles(join(root, 'src'));
  const program = ts.createProgram(files, { experimentalDecorators: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler });
  const checker = program.getTypeChecker();
  const tags = new Map(); // class name -> tag
  const classes = new Map(); // class name -> { node, file }
  for (const file of files) {
    const source = program.getSourceFile(file);
    ts.forEachChild(source, function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) classes.set(node.name.text, { node, file });
      if (ts.isCallExpression(node) && node.expression.getText() === 'customElements.define') {
        const [tag, cls] = node.arguments;
        if (tag && cls && ts.isStringLiteral(tag)) tags.set(cls.getText(), tag.text);
      }
      ts.forEachChild(node, visit);
    });
  }
  const modules = [];
  for (const [name, { node, file }] of classes) {
    const tagName = tags.get(name);
    if (!tagName) continue;
    const own = propertyMembers(node, checker);
    const inherited = { members: [], attributes: [] };
    let superclass;
    for (let heritage = node.heritageClauses?.[0]?.types[0]; heritage; ) {
      const parentName = heritage.expression.getText();
      const parent = classes.get(parentName);
      superclass ??= parent ? { name: parentName, module: relative(root, parent.file) } : { name: parentName, package: 'lit' };
      if (!parent) break;
      const fromParent = propertyMembers(parent.node, checker);
      for (const m of fromParent.members) inherited.members.push({ ...m, inheritedFrom: { name: parentName, module: relative(root, parent.file) } });
      inherited.attributes.push(...fromParent.attributes);
      heritage = parent.node.heritageClauses?.[0]?.types[0];
    }
    const path = relative(root, file);
    modules.push({
      kind: 'javascript-module',
      path,
      declarations: [
        {
          kind: 'class',
          name,
          customElement: true,
          tagName,
          ...classDocs(node),
          attributes: [...inherited.attributes, ...own.attributes],
          members: [...inherited.members, ...own.members],
          superclass,
        },
      ],
      exports: [
        { kind: 'js', name, declaration: { name, module: path } },
        { kind: 'custom-element-definition', name: tagName, declaration: { name, module: path } },
      ],
    });
  }
  modules.sort((a, b) => a.path.localeCompare(b.path));
  return { schemaVersion: '2.1.0', readme: '', modules };
}

/** Writes the manifest to `outfile` (relative to the widget folder). */
export async function writeCustomElementsManifest(outfile) {
  await writeFile(join(root, outfile), `${JSON.stringify(customElementsManifest(), null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeCustomElementsManifest(process.argv[2] ?? 'dist/custom-elements.json');
}
