/**
 * `npm run web`: the core plus the browser-mode adapter, for operators who watch
 * from a browser (and for the end-to-end tests, since Electron cannot run here).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Settings } from '../../common/settings.js';
import { Panel } from '../core/panel.js';
import { appDataDir } from '../core/paths.js';
import { PORT_RANGE, parsePort, upstreamUrlProblem } from '../../common/settings-rules.js';
import { listenProblemText, urlProblemText } from './cli-text.js';
import { startWebServer } from './web-server.js';

const USAGE = `Usage: npm run web -- [options]
  --ws-host <host>   Plugin_Remote_Websocket_Host to listen on (default from settings, 127.0.0.1)
  --ws-port <port>   Plugin_Remote_Websocket_Port (default from settings, 9001)
  --ws-path <path>   Plugin_Remote_Websocket_Directory (default from settings, /chat)
  --ui-port <port>   port of the browser UI (default: any free port)
  --ui-host <host>   address of the browser UI (default 127.0.0.1; anything else exposes it, token-protected)
  --upstream <url>   proxy mode: connect each agent onward to this dialogue server (ws:// or wss://)
  --log-dir <dir>    folder for session logs (default: <data folder>/logs)
  --data-dir <dir>   folder for settings and logs (default: ${appDataDir()})`;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'ws-host': { type: 'string' },
      'ws-port': { type: 'string' },
      'ws-path': { type: 'string' },
      'ui-port': { type: 'string' },
      'ui-host': { type: 'string' },
      'log-dir': { type: 'string' },
      upstream: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const overrides: Partial<Settings> = {};
  if (values['ws-host'] !== undefined) overrides.wsHost = values['ws-host'];
  if (values['ws-port'] !== undefined) overrides.wsPort = portArg('--ws-port', values['ws-port']);
  if (values['ws-path'] !== undefined) overrides.wsPath = values['ws-path'];
  if (values.upstream !== undefined) {
    const found = upstreamUrlProblem(values.upstream);
    const problem = found ? urlProblemText(found) : values.upstream.trim() === '' ? 'the URL is empty.' : null;
    if (problem) {
      console.error(`--upstream: ${problem}`);
      process.exit(2);
    }
    overrides.upstreamUrl = values.upstream.trim();
    overrides.upstreamEnabled = true;
  }
  const dataDir = values['data-dir'] ?? appDataDir();
  const panel = new Panel({
    dataDir,
    ...(values['log-dir'] ? { logDir: values['log-dir'] } : {}),
    overrides,
    host: 'web',
  });
  await panel.start();
  const root = fileURLToPath(new URL('../../../renderer/', import.meta.url));
  const web = await startWebServer({
    panel,
    root,
    host: values['ui-host'] ?? '127.0.0.1',
    port: values['ui-port'] ? portArg('--ui-port', values['ui-port']) : 0,
  });
  const status = panel.server.currentStatus;
  console.log(`Remote Panel UI: ${web.url}`);
  console.log(
    status.state === 'listening'
      ? `MMDAgent-EX endpoint: ${status.url}`
      : `MMDAgent-EX endpoint not listening: ${status.error ? listenProblemText(status.error) : status.state}`,
  );
  if (panel.proxy.enabled) console.log(`Proxy mode: each agent is connected onward to ${panel.settings().upstreamUrl}`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await web.close();
    await panel.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function portArg(flag: string, value: string): number {
  const port = parsePort(value);
  if (port === null) {
    console.error(`${flag} must be a port number from ${PORT_RANGE.min} to ${PORT_RANGE.max}, not "${value}".`);
    process.exit(2);
  }
  return port;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
