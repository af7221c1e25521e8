/** English: the top bar's Stop everything, agents' names and alerts, the dock, and the example set's names. Spread into `en.ts`. */
export const operatorEn = {
  'stop.everything': 'Stop everything',
  'stop.everythingTitle':
    'Every agent, at once: ends file, microphone and Say it streams (SNDBRKS), cancels running sequences, and sends SYNTH_STOP for every model (Esc)',
  'stop.done':
    'Stopped everything: {streams} stream(s), {syntheses} synthesis(es), {sequences} sequence(s); SYNTH_STOP sent {voices} time(s).',
  'top.agents': 'Connected agents',
  'top.connectedLabel': 'Connected:',
  'top.noAgents': 'No agent connected',
  'top.agentSilent': '{label}: not answering pings',
  'top.agentOn': '{label}: connected',
  'top.titleLeft': '{label} left',
  'top.titleSilent': '{label} not answering',

  'alert.region': 'Agent alerts',
  'alert.left': '{label} left at {time}: {reason}.',
  'alert.silent': '{label} stopped answering at {time}. The connection stays open; MMDAgent-EX may be frozen or busy.',
  'alert.dismiss': 'Dismiss',
  'alert.dismissFor': 'Dismiss the alert about {label}',

  'agents.rename': 'Rename',
  'agents.renameFor': 'Rename agent #{agentId}',
  'agents.name': 'Name',
  'agents.nameFor': 'Name of agent #{agentId}',
  'agents.save': 'Save',
  'agents.cancel': 'Cancel',
  'agents.nameHint':
    'Kept for {path}: the next agent on that path gets it too. Empty gives back the name from the path.',
  'agents.nameHintOwn':
    'It connected to the panel’s own path, {path}, which every unnamed agent shares: the name stays while it is connected. To keep a name, connect it to {path}/<name>.',
  'agents.path': 'Path: {path}',
  'agents.noneSetup':
    'No MMDAgent-EX is connected. Start it with the .mdf lines in the Connect tab; it connects within a second.',
  'agents.openSetup': 'Open the Connect tab',

  'speech.to': 'Speak to',
  'dock.name': 'Operator tools',
  'dock.quick': 'Quick',
  'dock.say': 'Say it',
  'dock.audio': 'Audio',
  'dock.agents': 'Agents',
  'dock.setup': 'Connect',
  'dock.hide': 'Hide tools',
  'dock.show': 'Show tools',

  'mdf.name': 'Agent name (optional)',
  'mdf.nameHint': 'Adds /name to the path, so this MMDAgent-EX shows up by that name. Give each agent its own.',
  'mdf.nameBad': 'A name cannot contain spaces at either end, "/", "|", quotes, braces or angle brackets.',

  'log.fileMenu': 'Export / open',

  'quick.setMenu': 'Set…',
  'quick.example.set': 'Demo A',
  'quick.example.greet': 'Greet',
  'quick.example.nod': 'Nod',
  'quick.example.wave': 'Wave',
  'quick.example.thanks': 'Thank you',
  'quick.example.stopVoice': 'Stop the voice',
  'quick.example.sayHello': 'Say hello',
  'quick.example.testTurn': 'Test turn (to server)',

  'say.defaultVoice': 'The computer’s default voice',
  'catalog.file': 'motion file',
  'catalog.voice': 'voice',
  'compose.didYouMean': '{name} is not a message MMDAgent-EX knows. Did you mean {suggestion}?',
} as const;
