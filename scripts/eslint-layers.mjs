/**
 * The house's layers as allow-lists: an ESLint rule that finds the row of the file being linted
 * (the longest `place` that contains it) and refuses every import that row does not allow. A file
 * that no row names may import nothing, so a new folder must be given a row before it can grow.
 */
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, posix, relative, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** `node:fs`, `fs/promises` → `node`; `@scope/pkg/sub` → `@scope/pkg`; `react-dom/client` → `react-dom`. */
export function packageOf(spec) {
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) return 'node';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The row whose place holds `file` (a repo-relative POSIX path), and how long that place is. */
export function rowOf(rows, file) {
  let best = null;
  let bestLength = -1;
  for (const row of rows) {
    for (const place of row.places) {
      const inside = place.endsWith('/') ? file.startsWith(place) : file === place;
      if (inside && place.length > bestLength) [best, bestLength] = [row, place.length];
    }
  }
  return best;
}

/** The row of an imported path, tried as written, as TypeScript source (`.js` → `.ts`), and as a folder. */
function targetRow(rows, target) {
  const bare = target.replace(/\.js$/, '');
  const candidates = [target, `${bare}.ts`, `${bare}.tsx`, `${target}/index.ts`, `${target}/`];
  for (const candidate of candidates) {
    const row = rowOf(rows, candidate);
    if (row) return row;
  }
  return null;
}

function describe(row) {
  const parts = [...row.may, ...(row.packages ?? [])];
  return parts.length ? parts.join(', ') : 'nothing';
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its row of the layer table allows.' },
    schema: [{ type: 'object', properties: { rows: { type: 'array' } }, additionalProperties: false }],
  },
  create(context) {
    const rows = context.options[0]?.rows ?? [];
    const cwd = context.cwd ?? process.cwd();
    const abs = context.filename;
    const file = (isAbsolute(abs) ? relative(cwd, abs) : abs).split(sep).join('/');
    const row = rowOf(rows, file);
    const named = (r) => r?.name ?? 'a folder no row names';

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const typeOnly = isTypeOnly(node);
      if (spec.startsWith('.')) {
        const target = posix.normalize(posix.join(dirname(file).split(sep).join('/'), spec));
        if (row?.may.includes('*')) return;
        const to = targetRow(rows, target);
        if (row && to && (to === row || row.may.includes(to.name))) return;
        if (row && to && typeOnly && (row.typesFrom ?? []).includes(to.name)) return;
        const typesHint =
          row && to && (row.typesFrom ?? []).includes(to.name) ? ` Only types from ${to.name} (import type).` : '';
        context.report({
          node,
          message: `${named(row)} may import ${row ? describe(row) : 'nothing: give it a row in the layer table'}; not ${named(to)} ('${spec}').${typesHint}`,
        });
        return;
      }
      const pkg = packageOf(spec);
      if (row && (row.packages ?? []).some((p) => p === '*' || p === pkg)) return;
      context.report({
        node,
        message: `${named(row)} may import ${row ? describe(row) : 'nothing: give it a row in the layer table'}; not the package '${pkg}'.`,
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };
