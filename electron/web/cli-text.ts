/**
 * The terminal's own words for `npm run web` (English, like the command's flags): the few
 * problems it prints before any window exists. Everything on screen is worded by the renderer.
 */
import { assertNever } from '../../common/assert-never.js';
import type { ListenProblem, UrlProblem } from '../../common/problems.js';

export function urlProblemText(p: UrlProblem): string {
  switch (p.code) {
    case 'not-url':
      return `"${p.value}" is not a URL; write it like ws://127.0.0.1:9002/chat.`;
    case 'scheme':
      return "the URL must start with ws:// or wss:// (the dialogue server's WebSocket address).";
    case 'credentials':
      return 'the URL cannot carry a user name or password.';
    case 'hash':
      return 'the URL cannot have a "#" part.';
    default:
      return assertNever(p);
  }
}

export function listenProblemText(p: ListenProblem): string {
  switch (p.code) {
    case 'EADDRINUSE':
      return `port ${p.port} on ${p.host} is already in use by another program${p.suggestedPort ? ` (try --ws-port ${p.suggestedPort})` : ''}.`;
    case 'EACCES':
      return `not allowed to listen on port ${p.port}; choose a port above 1024.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `${p.host} is not an address of this computer.`;
    default:
      return `could not listen on ${p.host}:${p.port} (${p.detail ?? p.code}).`;
  }
}
