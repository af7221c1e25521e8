/**
 * `npm run bench [-- --runs N] [log audio proxy load speech start avatar cues]`: prints numbers and writes them to
 * docs/performance.md; it never fails a build on timing (machines are noisy).
 */
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAudio } from './audio-pacing.js';
import { benchAvatar } from './avatar.js';
import { benchCues } from './cues.js';
import { benchLogLoad } from './log-load.js';
import { benchLogRelay } from './log-relay.js';
import { profileBurst } from './profile-burst.js';
import { benchProxy } from './proxy.js';
import { beginRun, writeReport } from './report.js';
import { benchSpeech } from './speech.js';
import { benchStart } from './start.js';

const REPORT = 'docs/performance.md';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 1;
const only = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
const want = (name: string): boolean => only.length === 0 || only.includes(name);

console.log(`Remote Panel benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
/** Each benchmark, `runs` times; its tables go to its section of the report. */
async function measure(id: string, title: string, bench: () => Promise<unknown>): Promise<void> {
  if (!want(id)) return;
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) console.log(`\n[${id}: run ${run} of ${runs}]`);
    beginRun(id, title);
    await bench();
  }
  /* Written after each benchmark, so one that fails later keeps what was measured. */
  writeReport(REPORT);
}

await measure('log', 'Log relay: agent → core → bridge → the page', benchLogRelay);
await measure('load', 'A million messages: disk, the page, filters', benchLogLoad);
await measure('audio', 'Audio pacing: files and the microphone', async () => {
  /* Speech for the fake microphone, made with espeak-ng (Debian). */
  const dir = join(tmpdir(), 'remote-panel-bench');
  mkdirSync(dir, { recursive: true });
  const wav = join(dir, 'speech.wav');
  if (!existsSync(wav))
    execFileSync('espeak-ng', [
      '-w',
      wav,
      'Hello there. This is the microphone benchmark of Remote Panel for MMDAgent-EX.',
    ]);
  await benchAudio(wav);
});
await measure('speech', "Say it: the panel's own time, pacing and the resampler", benchSpeech);
await measure('proxy', 'Proxy mode: agent ⇄ panel ⇄ dialogue server', benchProxy);
await measure('start', 'Starting `npm run web`: ready to connect', benchStart);
await measure('avatar', 'The Avatar region: a held face, and slider → wire', benchAvatar);
await measure('cues', 'The Cues region: GO and waits → the next line, and a show of 500 cues', benchCues);
if (only.length === 0 || only.some((o) => o !== 'profile')) console.log(`\nWritten to ${REPORT}`);
/* Not part of a plain `npm run bench`: a profiling run, asked for by name. */
if (only.includes('profile')) await profileBurst();
process.exit(0);
