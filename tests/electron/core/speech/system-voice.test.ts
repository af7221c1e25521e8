/** The computer's voices: each platform's command, and on Linux, real espeak-ng fed hostile text. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineError } from '../../../../electron/core/speech/engine-error.js';
import { run, systemSynth, systemVoices } from '../../../../electron/core/speech/system-engine.js';
import { parseVoices, synthCommand, voicesCommand } from '../../../../electron/core/speech/system-voice.js';
import { decodeWav } from '../../../../electron/core/speech/wav.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-shell-'));
/** Every trick a shell would run, aimed at files whose existence proves it ran. */
const HOSTILE = `It's "quoted"; touch ${dir}/semi && $(touch ${dir}/subst) \`touch ${dir}/tick\` | touch ${dir}/pipe\n$HOME %PATH% & echo done > ${dir}/redir`;

describe('system voice commands', () => {
  it('never puts the text in the arguments: stdin for say and espeak-ng, an environment variable for PowerShell', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const cmd = synthCommand(platform, HOSTILE, 'Kyoko', '/tmp/out.wav');
      expect(cmd.args.join('\n')).not.toContain('quoted');
      expect(cmd.stdin ?? cmd.env?.RP_TEXT).toBe(HOSTILE);
    }
    expect(synthCommand('darwin', 'x', 'Kyoko', '/tmp/o.wav')).toMatchObject({
      program: 'say',
      args: ['-v', 'Kyoko', '--file-format=WAVE', '--data-format=LEI16@16000', '-o', '/tmp/o.wav', '-f', '-'],
      wavFrom: { file: '/tmp/o.wav' },
    });
    expect(synthCommand('linux', 'x', 'en-us', '')).toMatchObject({
      program: 'espeak-ng',
      args: ['--stdout', '-b', '1', '-v', 'en-us', '--stdin'],
      wavFrom: 'stdout',
    });
    const ps = synthCommand('win32', 'x', 'Microsoft Haruka Desktop', 'C:\\t\\o.wav');
    expect(ps.program).toBe('powershell.exe');
    expect(ps.env).toEqual({ RP_TEXT: 'x', RP_VOICE: 'Microsoft Haruka Desktop', RP_OUT: 'C:\\t\\o.wav' });
    /* The script is a constant: it reads the text from the environment, never from interpolation. */
    expect(ps.args.at(-1)).toBe(synthCommand('win32', HOSTILE, 'other', 'D:\\x.wav').args.at(-1));
    expect(ps.args.at(-1)).toContain('$s.Speak($env:RP_TEXT)');
    expect(synthCommand('linux', 'x', '', '').args).toEqual(['--stdout', '-b', '1', '--stdin']);
  });

  it('lists voices from each platform’s listing', () => {
    expect(voicesCommand('darwin').args).toEqual(['-v', '?']);
    expect(
      parseVoices(
        'darwin',
        'Kyoko               ja_JP    # こんにちは、私の名前はKyokoです。\nEddy (English (US)) en_US    # Hello! My name is Eddy.\nBad News            en_US    # The light you see\n',
      ),
    ).toEqual([
      { id: 'Kyoko', label: 'Kyoko (ja_JP)' },
      { id: 'Eddy (English (US))', label: 'Eddy (English (US)) (en_US)' },
      { id: 'Bad News', label: 'Bad News (en_US)' },
    ]);
    expect(parseVoices('win32', 'Microsoft Haruka Desktop\tja-JP\r\nMicrosoft Zira Desktop\ten-US\r\n')).toEqual([
      { id: 'Microsoft Haruka Desktop', label: 'Microsoft Haruka Desktop (ja-JP)' },
      { id: 'Microsoft Zira Desktop', label: 'Microsoft Zira Desktop (en-US)' },
    ]);
    expect(
      parseVoices(
        'linux',
        'Pty Language       Age/Gender VoiceName          File                 Other Languages\n 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n 5  ja              --/M      Japanese           jpx/ja\n',
      ),
    ).toEqual([
      { id: 'en-us', label: 'English (America) (en-us)' },
      { id: 'ja', label: 'Japanese (ja)' },
    ]);
  });
});

describe.runIf(process.platform === 'linux')('espeak-ng, for real', () => {
  it('speaks hostile text as text: a WAV comes back and no shell trick ran', async () => {
    const wav = await systemSynth('linux', HOSTILE, 'en-us', { timeoutMs: 20_000 });
    const decoded = decodeWav(wav);
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.samples.length / 22050).toBeGreaterThan(3);
    for (const f of ['semi', 'subst', 'tick', 'pipe', 'redir']) expect(existsSync(join(dir, f)), f).toBe(false);
  });

  it('lists its voices, and a missing program is named with what to install', async () => {
    const voices = await systemVoices('linux', { timeoutMs: 10_000 });
    expect(voices.length).toBeGreaterThan(50);
    expect(voices).toContainEqual({ id: 'ja', label: 'Japanese (ja)' });
    const missing = await run(
      'linux',
      { program: 'espeak-ng-not-installed', args: [], wavFrom: 'stdout' },
      { timeoutMs: 5000 },
    ).catch((e: EngineError) => e.problem);
    expect(missing).toEqual({
      key: 'engineMissing',
      program: 'espeak-ng',
      install: expect.stringContaining('apt install espeak-ng'),
    });
  });

  it('a failing program, a timeout and Stop each end it with their own outcome', async () => {
    const failed = await run(
      'linux',
      { program: 'ls', args: ['/no/such/dir'], wavFrom: 'stdout' },
      { timeoutMs: 5000 },
    ).catch((e: EngineError) => e.problem);
    expect(failed).toMatchObject({
      key: 'engineFailed',
      engine: 'system',
      detail: expect.stringMatching(/^ls exited with 2: .*No such file/),
    });
    const slow = await run('linux', { program: 'sleep', args: ['5'], wavFrom: 'stdout' }, { timeoutMs: 200 }).catch(
      (e: EngineError) => e.problem,
    );
    expect(slow).toEqual({ key: 'engineTimeout', engine: 'system', url: 'sleep', seconds: 0.2 });
    const stop = new AbortController();
    const pending = run(
      'linux',
      { program: 'sleep', args: ['5'], wavFrom: 'stdout' },
      { timeoutMs: 5000, signal: stop.signal },
    ).catch((e: Error) => e.constructor.name);
    stop.abort();
    expect(await pending).toBe('SpeechCancelled');
  });
});
