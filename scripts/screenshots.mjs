// `node scripts/screenshots.mjs`: README screenshots of browser mode with a scripted agent (run `npm run build:bench` first).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import WebSocket from 'ws';

const STARTUP = [
  'PLUGIN_EVENT_ENABLE|Variables',
  'PLUGIN_EVENT_ENABLE|Open_JTalk',
  'STAGE|images/floor_green.png,images/back_white.png',
  'MODEL_ADD|0|gene/Gene.pmd',
  'MODEL_EVENT_ADD|0',
  'MENU|ADD|Gene',
  'MOTION_ADD|0|base|motions/wait/01_Wait.vmd|FULL|LOOP|ON|OFF',
  'MOTION_EVENT_ADD|0|base',
  'PLUGIN_EVENT_ENABLE|Remote',
  'CURRENT_TIME|20|01',
];

const ACTIONS = { 2: 'motion/02_laugh.vmd', 16: 'motion/16_thinking.vmd' };

/** What the real one answers to the avatar's lines; true for an `__AV` line, which is not echoed. */
function answerAvatar(ws, line) {
  /* `__AV_ACTION,2` plays ACT2 of Gene's .shapemap. */
  const act = /^__AV_ACTION,(\d+)$/.exec(line);
  if (act && ACTIONS[act[1]]) {
    setTimeout(() => ws.send(`MOTION_ADD|0|__action0|gene/${ACTIONS[act[1]]}|PART|ONCE|ON|OFF\n`), 150);
    setTimeout(() => ws.send('MOTION_EVENT_ADD|0|__action0\n'), 160);
  }
  if (line.startsWith('MODEL_BINDFACE|0|'))
    setTimeout(() => ws.send(`MODEL_EVENT_BINDFACE|0|${line.split('|')[2]}\n`), 190);
  return line.startsWith('__AV');
}

/** A scripted agent that behaves like MMDAgent-EX: its start-up burst, echoes of injected lines, then the events they cause. */
async function scriptedAgent(url) {
  const ws = new WebSocket(url, { headers: { 'X-App-Type': 'MMDAgent' }, perMessageDeflate: false });
  await new Promise((r) => ws.on('open', r));
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    for (const line of String(data)
      .split('\n')
      .filter((l) => l && !l.startsWith('SND'))) {
      if (answerAvatar(ws, line)) continue;
      setTimeout(() => ws.send(line + '\n'), 170);
      if (line.startsWith('MOTION_ADD|0|'))
        setTimeout(() => ws.send(`MOTION_EVENT_ADD|0|${line.split('|')[2]}\n`), 200);
      if (line.startsWith('SYNTH_START|0|')) {
        setTimeout(() => ws.send('SYNTH_EVENT_START|0\n'), 260);
        setTimeout(() => ws.send('LIPSYNC_START|0|hh,85,ax,55,l,60,ow,120,dh,40,eh,70,r,90\n'), 270);
        setTimeout(() => ws.send('LIPSYNC_EVENT_START|0\n'), 280);
        setTimeout(() => ws.send('SYNTH_EVENT_STOP|0\n'), 1200);
      }
    }
  });
  for (const m of STARTUP) ws.send(m + '\n');
  return ws;
}

const tab = (page, name) => page.getByRole('tab', { name, exact: false }).click();

/** Alerts about agents of earlier shots stay until dismissed (as they should): each shot starts clean. */
async function dismissAll(page) {
  const dismiss = page.getByRole('button', { name: /^Dismiss the alert/ });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

/** Browser mode in a fresh data folder: its process, UI address and agent endpoint. */
async function startWeb(args = []) {
  const proc = spawn(process.execPath, [
    'dist/node/electron/web/cli.js',
    '--ws-port',
    '0',
    '--ui-port',
    '0',
    '--data-dir',
    mkdtempSync(join(tmpdir(), 'rp-shots-')),
    ...args,
  ]);
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  while (!/MMDAgent-EX endpoint: ws/.test(out)) await new Promise((r) => setTimeout(r, 20));
  return { proc, ui: /Remote Panel UI: (\S+)/.exec(out)[1], agentUrl: /MMDAgent-EX endpoint: (\S+)/.exec(out)[1] };
}

const { proc, ui, agentUrl } = await startWeb();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
for (const scheme of ['dark', 'light']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  await page.goto(ui);
  const ws = await scriptedAgent(`${agentUrl}/reception`);
  await page.waitForTimeout(300);
  await dismissAll(page);
  const box = page.getByLabel('Message', { exact: true });
  await box.fill('MOTION_ADD|0|nod|motions/action/nod.vmd|PART|ONCE');
  await box.press('Enter');
  await page.waitForTimeout(450);
  await box.fill('SYNTH_START|0|slt_voice_normal|Hello there.');
  await box.press('Enter');
  await page.waitForTimeout(600);
  await box.fill('MOTION_ADD|0|bow|motions/action/ojigi.vmd|PART|ONCE');
  await page.screenshot({ path: `docs/screenshot-${scheme}.png` });
  if (scheme === 'dark') {
    /* The Speak panel while a file streams. */
    const wav = join(tmpdir(), 'rp-shot-speech.wav');
    execFileSync('espeak-ng', [
      '-w',
      wav,
      'Hello there. I am the avatar, and I speak with lip sync while the panel streams this file in real time.',
    ]);
    await tab(page, 'Audio');
    await page.getByLabel('Audio file').setInputFiles(wav);
    await page.getByRole('button', { name: 'Stream file' }).click();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: 'docs/screenshot-speak.png' });
    await page.getByRole('button', { name: 'Stop the file' }).click();
    await tab(page, 'Quick');
  }
  ws.terminate();
  await page.close();
}

/* Say it: a VOICEVOX-compatible engine (the tests' fake, which follows the real API) picked in the Say region. */
{
  const { FakeVoicevox } = await import('../dist/node/tests/support/fake-voicevox.js');
  const engine = await FakeVoicevox.start();
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'dark' });
  await page.goto(ui);
  const ws = await scriptedAgent(`${agentUrl}/reception`);
  await page.waitForTimeout(300);
  await dismissAll(page);
  await tab(page, 'Say it');
  const say = page.getByRole('region', { name: 'Say it' });
  await say.getByLabel('Voice engine').selectOption('voicevox');
  await say.getByLabel('Engine URL').fill(engine.url);
  await say.getByLabel('Engine URL').press('Enter');
  await say
    .getByLabel('Voice', { exact: true })
    .locator('option', { hasText: 'ずんだもん (ノーマル)' })
    .waitFor({ state: 'attached' });
  await say.getByLabel('Voice', { exact: true }).selectOption({ label: 'ずんだもん (ノーマル)' });
  await say.getByLabel('Text to say').fill('こんにちは。今日はリモートパネルからしゃべっています。');
  await say.getByRole('button', { name: 'Say', exact: true }).click();
  await page.waitForTimeout(1500);
  await say.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshot-say.png' });
  await say.getByRole('button', { name: 'Stop Say it' }).click();
  await say.getByLabel('Voice engine').selectOption('agent');
  await tab(page, 'Quick');
  ws.terminate();
  await page.close();
  await engine.close();
}

/* Operator tools, in English and in Japanese. */
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(ui);
  const ws = await scriptedAgent(`${agentUrl}/reception`);
  const other = await scriptedAgent(`${agentUrl}/stage`);
  await page.waitForTimeout(200);
  await dismissAll(page);
  ws.send('RECOG_EVENT_START\n');
  ws.send('RECOG_EVENT_STOP|こんにちは\n');
  ws.send('AVATAR_EVENT_IDLE|START\n');
  await page.waitForTimeout(300);
  await page
    .getByRole('region', { name: 'Quick commands' })
    .getByRole('button', { name: 'Greet', exact: true })
    .click();
  await page.waitForTimeout(1200);
  await page.getByRole('combobox', { name: 'Message type to hide' }).fill('CURRENT_TIME');
  await page.getByRole('button', { name: 'Hide type' }).click();
  await page.getByRole('combobox', { name: 'Message type to hide' }).fill('AVATAR_EVENT_IDLE');
  await page.getByRole('button', { name: 'Hide type' }).click();
  await page
    .getByRole('log', { name: 'Message log' })
    .locator('.row', { hasText: 'MOTION_ADD|0|greet' })
    .first()
    .click();
  const box = page.getByLabel('Message', { exact: true });
  await box.click();
  await box.pressSequentially('MOTION_ADD|0|');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-en.png' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await page.waitForTimeout(300);
  await page.getByLabel('メッセージ', { exact: true }).click();
  await page.screenshot({ path: 'docs/screenshot-ja.png' });
  /* An agent that leaves is said loudly: the alert over the log, and the window title. */
  other.terminate();
  await page.getByRole('alert').filter({ hasText: 'stage' }).waitFor();
  await page.getByRole('combobox', { name: '言語' }).selectOption('en');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-alert.png' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('auto');
  ws.terminate();
  await page.close();
}

/* The agent's own log (Plugin_Remote_AllLog=true): an error caught the moment it happens, in a panel of its own. */
{
  const { proc: own, ui, agentUrl } = await startWeb();
  const stamp = (tick) => {
    const d = new Date();
    const p = (n, w = 2) => String(n).padStart(w, '0');
    return `[${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}] [${tick}]`;
  };
  const ws = new WebSocket(agentUrl, { headers: { 'X-App-Type': 'MMDAgent' }, perMessageDeflate: false });
  await new Promise((r) => ws.on('open', r));
  let tick = 0;
  const log = (module, level, text) => ws.send(`${stamp(tick)} ${module}: ${level}: ${text}\n`);
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    for (const line of String(data)
      .split('\n')
      .filter((l) => l && !l.startsWith('SND'))) {
      if (answerAvatar(ws, line)) continue;
      tick += 2;
      setTimeout(() => {
        log('Remote', 'Sent', line);
        log('MMDAgent', 'Captured', line);
        if (line.includes('nope')) log('MMDAgent', 'Error', `addMotion: not found: ${line.split('|')[3]}`);
      }, 170);
    }
  });
  log('MMDAgent', 'Warning', 'use embedded BreeSerif font');
  for (const m of ['MODEL_ADD|0|gene/Gene.pmd', 'MODEL_EVENT_ADD|0', 'MOTION_EVENT_ADD|0|base', 'CURRENT_TIME|20|01']) {
    log('MMDAgent', 'Sent', m);
    log('VIManager', 'Captured', m);
  }
  log('VIManager', 'Status', '[main:4] [0 -> LOOP] MODEL_EVENT_ADD|0');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(ui);
  await page.waitForTimeout(400);
  const box = page.getByLabel('Message', { exact: true });
  await box.fill('MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE');
  await box.press('Enter');
  await page.waitForTimeout(600);
  await page.getByRole('log', { name: 'Message log' }).locator('.row.kind-error').click();
  await tab(page, 'Connect');
  await page.getByRole('checkbox', { name: 'Full log (Plugin_Remote_AllLog)' }).check();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-full-log.png' });
  ws.terminate();
  await page.close();
  own.kill();
}

/* Proxy mode: a dialogue server like the documentation's sample (TEST_MESSAGE every 2 s) that answers recognised speech. */
const { WebSocketServer } = await import('ws');
const dialogue = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((r) => dialogue.on('listening', r));
dialogue.on('connection', (ws) => {
  ws.send('TEST_MESSAGE\n');
  const timer = setInterval(() => ws.send('TEST_MESSAGE\n'), 2000);
  ws.on('close', () => clearInterval(timer));
  ws.on('message', (data) => {
    const text = String(data);
    if (text.startsWith('RECOG_EVENT_STOP|'))
      ws.send(`SYNTH_START|0|mei_voice_normal|${text.trim().split('|')[1]}、ようこそ。\n`);
  });
});
const {
  proc: proxy,
  ui: proxyUi,
  agentUrl: proxyAgentUrl,
} = await startWeb(['--upstream', `ws://127.0.0.1:${dialogue.address().port}/chat`]);
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(proxyUi);
  const ws = await scriptedAgent(`${proxyAgentUrl}/reception`);
  await page.waitForTimeout(2300);
  await page.getByRole('combobox', { name: 'Send to' }).selectOption('server');
  const box = page.getByLabel('Message', { exact: true });
  await box.fill('RECOG_EVENT_STOP|こんにちは');
  await box.press('Enter');
  await page.waitForTimeout(700);
  await page.screenshot({ path: 'docs/screenshot-proxy.png' });
  ws.terminate();
  await page.close();
}
proxy.kill();
dialogue.close();

/* A show running in the Cues tab: a trial started, the first cue done, the second waiting for the end of speech. */
{
  const { proc: own, ui, agentUrl } = await startWeb();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(ui);
  const ws = await scriptedAgent(`${agentUrl}/reception`);
  await page.waitForTimeout(300);
  await tab(page, 'Cues');
  const cues = page.getByRole('region', { name: 'Cues' });
  await cues.getByRole('textbox', { name: 'Participant' }).fill('P07');
  await cues.getByRole('textbox', { name: 'Condition' }).fill('robot');
  await cues.getByRole('button', { name: 'Start trial' }).click();
  await cues.getByRole('button', { name: 'GO' }).click();
  await cues.getByRole('option', { name: 'Question' }).filter({ hasText: 'running' }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot-cues.png' });
  ws.terminate();
  await page.close();
  own.kill();
}

/*
 * The Avatar tab with Gene's own files. No model goes in the repository: GENE_DIR names a folder
 * with Gene.pmd and Gene.pmd.shapemap (from github.com/mmdagent-ex/gene).
 */
const geneDir = process.env.GENE_DIR;
if (geneDir) {
  const { proc: own, ui, agentUrl } = await startWeb();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await page.goto(ui);
  const ws = await scriptedAgent(`${agentUrl}/reception`);
  await page.waitForTimeout(300);
  await dismissAll(page);
  await tab(page, 'Avatar');
  await page
    .getByLabel('Model files', { exact: true })
    .setInputFiles([join(geneDir, 'Gene.pmd'), join(geneDir, 'Gene.pmd.shapemap')]);
  const avatar = page.getByRole('region', { name: 'Avatar' });
  await avatar.getByRole('button', { name: '2 laugh' }).click();
  await avatar.getByRole('searchbox', { name: 'Find morph' }).fill('笑');
  await avatar.getByRole('slider', { name: '笑い', exact: true }).fill('0.8');
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/screenshot-avatar.png' });
  ws.terminate();
  await page.close();
  own.kill();
} else
  console.log('docs/screenshot-avatar.png not taken: set GENE_DIR to a folder with Gene.pmd and Gene.pmd.shapemap.');
await browser.close();
proc.kill();
console.log(
  `docs/screenshot-dark.png, docs/screenshot-light.png, docs/screenshot-speak.png, docs/screenshot-say.png, docs/screenshot-full-log.png, docs/screenshot-proxy.png, docs/screenshot-en.png, docs/screenshot-ja.png, docs/screenshot-alert.png, docs/screenshot-cues.png${geneDir ? ', docs/screenshot-avatar.png' : ''} written`,
);
