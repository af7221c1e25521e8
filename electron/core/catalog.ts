/** The documented MMDAgent-EX messages, shipped as data in assets/. */
import catalog from '../../assets/message-catalog.json' with { type: 'json' };
import type { EntryKind } from '../contract.js';

export interface CatalogMessage {
  name: string;
  kind: 'command' | 'event';
  group: string;
  section: string;
  forms: string[];
}

export const catalogMessages: readonly CatalogMessage[] = catalog.messages as CatalogMessage[];

const kinds = new Map<string, EntryKind>(catalogMessages.map((m) => [m.name, m.kind]));

export function catalogKind(type: string): EntryKind | undefined {
  return kinds.get(type);
}
