// Fails when the import graph of common/, electron/ or renderer/ has a cycle (type-only imports aside).
// Part of `npm run lint`: a small walk over the relative imports, no dependency needed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOTS = ['common', 'electron', 'renderer'];
const EXTENSIONS = ['.ts', '.tsx'];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Value imports and re-exports only: `import type` / `export type` do not exist at run time. */
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\bfrom\s+)?['"](\.{1,2}\/[^'"?]+)['"]/gm;

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, 'index' + e)),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && EXTENSIONS.some((e) => candidate.endsWith(e)))
      return candidate;
  }
  return null;
}

export function findCycles(files) {
  const graph = new Map(files.map((f) => [f, []]));
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (target && graph.has(target)) graph.get(file).push(target);
    }
  }
  const cycles = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node)) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = ROOTS.filter((r) => existsSync(r)).flatMap((r) => sources(resolve(r)));
  const cycles = findCycles(files);
  for (const cycle of cycles)
    console.error(`Import cycle: ${cycle.map((f) => relative(process.cwd(), f)).join(' → ')}`);
  if (cycles.length > 0) process.exit(1);
  console.log(`No import cycles among ${files.length} files.`);
}
