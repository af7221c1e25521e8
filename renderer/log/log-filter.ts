/**
 * The log's filters as one predicate: direction, kind, session, message-type chips
 * (include / exclude), and text or a regular expression, with what to highlight.
 */
import type { LogEntry, LogFilters } from '../../common/log';
import type { EntryFilter } from './log-buffer';

export interface BuiltFilter {
  filter: EntryFilter | null;
  /** Matches to mark in each row's text; null when there is no text filter. */
  highlight: RegExp | null;
  /** A regular expression that does not compile; the text filter is then off. */
  error: string | null;
}

export const NO_FILTERS: LogFilters = { text: '', regex: false, dir: 'all', kind: 'all', types: [] };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The default filter; rows of a batch without agent log lines pass it without being read. */
export const HIDE_CAPTURED: EntryFilter = (e) => e.agent?.level !== 'Captured';

/** Entries from `from` to `to` (ids, inclusive): one trial's, while it runs `to` is null. */
export interface IdRange {
  from: number;
  to: number | null;
}

export function buildFilter(f: LogFilters, agentId: number | 'all' = 'all', range: IdRange | null = null): BuiltFilter {
  const tests: EntryFilter[] = [];
  let highlight: RegExp | null = null;
  let error: string | null = null;
  const query = f.regex ? f.text : f.text.trim();
  if (query) {
    try {
      highlight = new RegExp(f.regex ? query : escapeRegExp(query), 'gi');
      const probe = new RegExp(highlight.source, 'i');
      tests.push((e) => probe.test(e.text) || probe.test(e.type));
    } catch (e) {
      error = (e as Error).message;
    }
  }
  if (f.dir !== 'all') tests.push((e) => e.dir === f.dir);
  if (f.kind !== 'all') tests.push((e) => e.kind === f.kind);
  /* The agent's Captured receipts triple the rows: shown only when asked for. */
  if (!f.captured) tests.push(HIDE_CAPTURED);
  if (agentId !== 'all') tests.push((e) => e.agentId === agentId);
  if (range) tests.push((e) => e.id >= range.from && (range.to === null || e.id <= range.to));
  const include = new Set(f.types.filter((c) => c.mode === 'include').map((c) => c.type));
  const exclude = new Set(f.types.filter((c) => c.mode === 'exclude').map((c) => c.type));
  /* Panel notices are never hidden by a type chip: they say what happened to the connection. */
  if (include.size > 0) tests.push((e) => e.dir === 'sys' || include.has(e.type));
  if (exclude.size > 0) tests.push((e) => !exclude.has(e.type));
  if (tests.length === 0) return { filter: null, highlight, error };
  if (tests.length === 1) return { filter: tests[0]!, highlight, error };
  return { filter: (e: LogEntry) => tests.every((t) => t(e)), highlight, error };
}

/** Splits text into plain and matching parts for highlighting. */
export function highlightParts(text: string, re: RegExp | null): { text: string; match: boolean }[] {
  if (!re) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index > last) parts.push({ text: text.slice(last, m.index), match: false });
    parts.push({ text: m[0], match: true });
    last = m.index + m[0].length;
    if (parts.length > 200) break;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
