// Parses Flux texts with InfluxData's Flux parser (@influxdata/flux, WebAssembly) and prints every syntax error.
// Usage: node check-flux.mjs PACKAGE_DIR FILE... ; a .md file contributes its ```flux blocks. Exit code 1 on any error.
// The package is built for bundlers (its glue imports the .wasm as a module), so the wasm is instantiated here.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';

const [pkg, ...files] = process.argv.slice(2);
const glue = readFileSync(join(pkg, 'flux.js'), 'utf8')
  .replace("import * as wasm from './flux_bg.wasm';", 'let wasm; export function __attach(instance) { wasm = instance.exports; }');
const dir = mkdtempSync(join(tmpdir(), 'check-flux-'));
writeFileSync(join(dir, 'flux.mjs'), glue);
const flux = await import(pathToFileURL(join(dir, 'flux.mjs')).href);
rmSync(dir, { recursive: true });
flux.__attach(new WebAssembly.Instance(new WebAssembly.Module(readFileSync(join(pkg, 'flux_bg.wasm'))), { './flux.js': flux }));

function texts(file) {
  const content = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return [{ name: file, text: content }];
  const blocks = [...content.matchAll(/```flux\n([\s\S]*?)```/g)];
  return blocks.map((m, i) => ({ name: `${file} flux block ${i + 1}`, text: m[1] }));
}

function errorsOf(ast) {
  const errors = [];
  (function walk(node, path) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.errors)) errors.push(...node.errors.map(e => `${path}: ${e.msg ?? JSON.stringify(e)}`));
    if (node.type === 'BadStatement' || node.type === 'BadExpression') errors.push(`${path}: ${node.type} ${node.text ?? ''}`);
    for (const [key, value] of Object.entries(node)) if (key !== 'errors') walk(value, `${path}.${key}`);
  })(ast, 'ast');
  return errors;
}

let failed = 0;
for (const file of files) {
  for (const { name, text } of texts(file)) {
    const ast = flux.parse(text);
    const errors = errorsOf(ast);
    console.log(`${name}: ${ast.body?.length ?? 0} statements, ${errors.length} syntax errors`);
    for (const e of errors) console.log(`  ${e}`);
    failed += errors.length > 0 ? 1 : 0;
  }
}
process.exit(failed > 0 ? 1 : 0);
