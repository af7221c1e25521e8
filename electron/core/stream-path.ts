/**
 * A show's or quick command's `stream <file>` step: a WAV file on the panel's own machine, read,
 * decoded to 16 kHz and streamed like a file the operator picked. Only what a step names is read,
 * and only a WAV within the audio length limit is streamed.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { StreamResult } from '../../common/audio.js';
import type { AudioStreamer } from './audio-stream.js';
import { wavToPcm16k } from './speech/resample.js';

/** A WAV this large is longer than any limit the settings allow. */
const MAX_BYTES = 700 * 1024 * 1024;

export async function streamPath(
  audio: AudioStreamer,
  req: { agentId: number; alias: string; path: string },
): Promise<StreamResult> {
  const name = basename(req.path);
  if (extname(req.path).toLowerCase() !== '.wav') return { ok: false, problem: { key: 'streamNotWav', name } };
  try {
    const info = await stat(req.path);
    if (!info.isFile() || info.size > MAX_BYTES) return { ok: false, problem: { key: 'streamNotWav', name } };
  } catch {
    return { ok: false, problem: { key: 'streamMissing', path: req.path } };
  }
  let pcm: Uint8Array;
  try {
    pcm = await wavToPcm16k(new Uint8Array(await readFile(req.path)));
  } catch {
    return { ok: false, problem: { key: 'streamNotWav', name } };
  }
  return audio.streamFile(req.agentId, { alias: req.alias, name, pcm, whenBusy: 'queue' });
}
