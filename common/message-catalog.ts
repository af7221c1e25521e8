/**
 * The documented MMDAgent-EX messages (assets/message-catalog.json): the core classifies
 * lines with them, the renderer offers autocomplete, argument hints and names in the detail
 * pane. Commands first, then Plugin_Remote control lines, then events.
 */
import catalog from '../assets/message-catalog.json' with { type: 'json' };
import type { EntryKind } from './log.js';

export type CatalogKind = 'command' | 'event' | 'remote-control';

export interface CatalogEntry {
  name: string;
  kind: CatalogKind;
  forms: string[];
  group?: string;
  summary?: string;
}

const RANK: Record<CatalogKind, number> = { command: 0, 'remote-control': 1, event: 2 };

export const CATALOG: readonly CatalogEntry[] = [
  ...(catalog.messages as CatalogEntry[]),
  ...(catalog.remoteControl as CatalogEntry[]),
].sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.name.localeCompare(b.name));

const byName = new Map(CATALOG.map((m) => [m.name, m]));

export function findMessage(name: string): CatalogEntry | undefined {
  return byName.get(name);
}

/** The entry kind of a documented message type (control lines are classified before this). */
export function catalogKind(type: string): EntryKind | undefined {
  const kind = byName.get(type)?.kind;
  return kind === 'remote-control' ? 'control' : kind;
}

/** Names starting with what was typed (case-insensitive), commands first; then names containing it. */
export function suggestNames(typed: string, limit = 12): CatalogEntry[] {
  const q = typed.toUpperCase();
  if (!q) return [];
  /* Within a kind, shorter names first: MOTION_ADD before MOTION_ACCELERATE. */
  const starts = CATALOG.filter((m) => m.name.startsWith(q)).sort(
    (a, b) => RANK[a.kind] - RANK[b.kind] || a.name.length - b.name.length || a.name.localeCompare(b.name),
  );
  const contains = q.length >= 3 ? CATALOG.filter((m) => !m.name.startsWith(q) && m.name.includes(q)) : [];
  return [...starts, ...contains].slice(0, limit);
}

/** The separator of a line's arguments: `,` for `__AV*` control lines, `|` otherwise. */
export function separatorOf(name: string): ',' | '|' {
  return name.startsWith('__AV') ? ',' : '|';
}

/** The placeholders of one documented form, e.g. ["(model alias)", "(motion alias)", …]. */
export function formArgs(form: string): string[] {
  const sep = separatorOf(form);
  const parts = form.split(sep);
  return parts.slice(1);
}

/** Argument names for a message with `count` arguments: from the form with that many, or the longest. */
export function argNames(name: string, count: number): string[] {
  const entry = byName.get(name);
  if (!entry) return [];
  const forms = entry.forms.map(formArgs);
  const exact = forms.find((f) => f.length === count);
  return exact ?? forms.reduce((a, b) => (b.length > a.length ? b : a), [] as string[]);
}

/** Edits (insert, delete, replace, swap two neighbours) between `a` and `b`, giving up past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The catalog name a mistyped one most likely meant: the closest within two edits (commands first on a tie). */
export function closestName(typed: string): string | null {
  const q = typed.toUpperCase();
  let best: CatalogEntry | null = null;
  let bestDistance = 3;
  for (const m of CATALOG) {
    const d = editDistance(q, m.name, 2);
    if (d < bestDistance || (d === bestDistance && best && RANK[m.kind] < RANK[best.kind])) {
      best = m;
      bestDistance = d;
    }
  }
  return best && bestDistance <= 2 && best.name !== typed ? best.name : null;
}
