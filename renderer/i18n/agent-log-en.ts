/** English: MMDAgent-EX's own log in the panel (`Plugin_Remote_AllLog=true`). Spread into `en.ts`. */
export const agentLogEn = {
  'kind.warning': 'warning',
  'row.moduleTitle': 'MMDAgent-EX module {module} ({level})',
  'row.captured': 'took in',
  'log.showCaptured': 'Receipts',
  'log.showCapturedTitle':
    'Show Captured receipts: which modules took each message in (full log only; they triple the rows)',
  'agents.errors': '{n} errors',
  'agents.errorOne': '1 error',
  'agents.warnings': '{n} warnings',
  'agents.warningOne': '1 warning',
  'agents.errorsFor': 'Errors agent #{agentId} reported: {n}',
  'agents.warningsFor': 'Warnings agent #{agentId} reported: {n}',
  'detail.agentLog': 'From MMDAgent-EX’s own log',
  'detail.module': 'module',
  'detail.level': 'level',
  'detail.tick': 'tick',
  'detail.agentTime': 'agent time',
  'mdf.allLog': 'Full log (Plugin_Remote_AllLog)',
  'mdf.allLogHelp': "Shows MMDAgent-EX's own errors, warnings and scenario steps.",
  'mdf.httpOff': "Turn off MMDAgent-EX's HTTP command server",
  'mdf.httpOffHelp': 'It listens on all network interfaces at port 50000 by default.',
} as const;
