/** `npm run bench`: prints numbers; it never fails a build on timing (machines are noisy). */
import { cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAudio } from './audio-pacing.js';
import { benchLogLoad } from './log-load.js';
import { benchLogRelay } from './log-relay.js';
import { profileBurst } from './profile-burst.js';
import { benchProxy } from './proxy.js';
import { benchSpeech } from './speech.js';

const only = process.argv.slice(2);
const want = (name: string): boolean => only.length === 0 || only.includes(name);

console.log(`Remote Panel benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
if (want('log')) await benchLogRelay();
if (want('audio')) {
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
}
if (want('proxy')) await benchProxy();
if (want('load')) await benchLogLoad();
if (want('speech')) await benchSpeech();
/* Not part of a plain `npm run bench`: a profiling run, asked for by name. */
if (only.includes('profile')) await profileBurst();
process.exit(0);
