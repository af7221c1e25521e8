/**
 * Agent names. MMDAgent-EX has no name of its own to send, so an agent is named by where it
 * connects: `<path>/<name>` (its `.mdf`'s `Plugin_Remote_Websocket_Directory`), and the operator may
 * rename it; the rename is kept for that path. An agent without a name is shown as `#agentId`.
 */

export const AGENT_NAME_MAX = 32;

/** Letters of any script, digits and ordinary punctuation; not the characters log lines and templates use. */
const RESERVED = /[|{}<>\\"/]/u;
/** Control characters (C0 and DEL), by code: a name is shown on screen and written into log lines. */
const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** Whether `name` can name an agent ('' is not a name). */
export function agentNameOk(name: string): boolean {
  const chars = [...name];
  return (
    name === name.trim() &&
    chars.length > 0 &&
    chars.length <= AGENT_NAME_MAX &&
    !RESERVED.test(name) &&
    !chars.some(isControl)
  );
}

/**
 * Where an upgrade request's path leads: the listening path itself (no name), one segment below it
 * (that segment, decoded, names the agent), or nowhere (null).
 */
export function nameFromPath(listening: string, requested: string): { name?: string } | null {
  if (requested === listening) return {};
  const base = listening.endsWith('/') ? listening : `${listening}/`;
  if (!requested.startsWith(base)) return null;
  const segment = requested.slice(base.length);
  if (segment === '') return {};
  if (segment.includes('/')) return null;
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return agentNameOk(name) ? { name } : null;
}

/** What the operator sees for an agent: its name, or `#agentId`; a name two agents share gets the number too. */
export function agentLabel(agentId: number, name: string | undefined, shared = false): string {
  if (!name) return `#${agentId}`;
  return shared ? `${name} #${agentId}` : name;
}

/** A path as MMDAgent-EX asked for it is percent-encoded (`/chat/%E5%8F%97`); people read it decoded. */
export function readablePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
