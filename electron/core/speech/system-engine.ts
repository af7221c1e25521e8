/**
 * Runs the computer's speech program (see `system-voice`): spawned without a shell, stopped
 * on timeout or Stop, its WAV read from stdout or a temporary file that is always removed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Voice } from '../../../common/speech.js';
import { EngineError, SpeechCancelled } from './engine-error.js';
import { PROGRAMS, parseVoices, synthCommand, voicesCommand, type Command, type Platform } from './system-voice.js';

const MAX_OUTPUT = 200 * 1024 * 1024;

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The program's stdout; its exit, a missing program, a timeout and Stop each become their own error. */
export function run(platform: Platform, cmd: Command, o: RunOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) return reject(new SpeechCancelled());
    const child = spawn(cmd.program, cmd.args, {
      shell: false,
      windowsHide: true,
      env: { ...process.env, ...cmd.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let settled = false;
    const finish = (error: Error | null, value?: Uint8Array): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      const settle = (): void => (error ? reject(error) : resolve(value!));
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return settle();
      /* A stopped program is gone before we answer, so its output file is no longer open (Windows). */
      const gone = setTimeout(settle, 2000);
      child.once('close', () => {
        clearTimeout(gone);
        settle();
      });
      child.kill();
    };
    const onAbort = (): void => finish(new SpeechCancelled());
    const timer = setTimeout(
      () =>
        finish(
          new EngineError({ key: 'engineTimeout', engine: 'system', url: cmd.program, seconds: o.timeoutMs / 1000 }),
        ),
      o.timeoutMs,
    );
    o.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const { program, install } = PROGRAMS[platform];
      finish(
        error.code === 'ENOENT'
          ? new EngineError({ key: 'engineMissing', program, install })
          : new EngineError({ key: 'engineFailed', engine: 'system', detail: error.message }),
      );
    });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT)
        return finish(
          new EngineError({
            key: 'engineFailed',
            engine: 'system',
            detail: `${cmd.program} wrote more than ${MAX_OUTPUT} bytes.`,
          }),
        );
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    child.on('close', (code) => {
      if (code === 0) finish(null, new Uint8Array(Buffer.concat(out)));
      else
        finish(
          new EngineError({
            key: 'engineFailed',
            engine: 'system',
            detail: `${cmd.program} exited with ${code ?? 'a signal'}${stderr.trim() ? `: ${stderr.trim()}` : ''}`,
          }),
        );
    });
    /* A program that exits before reading its input closes the pipe: that is its exit's story, not ours. */
    child.stdin.on('error', () => undefined);
    child.stdin.end(cmd.stdin ?? '');
  });
}

export async function systemVoices(platform: Platform, o: RunOptions): Promise<Voice[]> {
  const out = await run(platform, voicesCommand(platform), o);
  return parseVoices(platform, new TextDecoder().decode(out));
}

/** Text → a WAV from the computer's voice (espeak-ng writes it to stdout; say and SAPI to a temporary file). */
export async function systemSynth(platform: Platform, text: string, voice: string, o: RunOptions): Promise<Uint8Array> {
  const direct = synthCommand(platform, text, voice, '');
  if (direct.wavFrom === 'stdout') return run(platform, direct, o);
  const dir = await mkdtemp(join(tmpdir(), 'remote-panel-say-'));
  try {
    const file = join(dir, 'speech.wav');
    await run(platform, synthCommand(platform, text, voice, file), o);
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}
