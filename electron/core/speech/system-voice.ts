/**
 * The computer's own voices: macOS `say`, Windows SAPI through PowerShell's System.Speech,
 * Linux `espeak-ng`. The text never passes through a shell and never becomes an argument:
 * it goes in on standard input (say, espeak-ng) or in an environment variable (PowerShell,
 * whose script is a constant). Arguments are always an array.
 */
import type { Voice } from '../../../common/speech.js';

export type Platform = 'darwin' | 'win32' | 'linux';

export interface Command {
  program: string;
  args: string[];
  env?: Record<string, string>;
  /** Written to the program's standard input, then closed. */
  stdin?: string;
  /** Where the WAV appears: the program's stdout, or the file it was told to write. */
  wavFrom: 'stdout' | { file: string };
}

/** The program each platform needs, and what to install when it is missing. */
export const PROGRAMS: Record<Platform, { program: string; install: string }> = {
  darwin: { program: 'say', install: 'say (part of macOS)' },
  win32: { program: 'powershell.exe', install: 'Windows PowerShell with System.Speech (part of Windows)' },
  linux: { program: 'espeak-ng', install: 'espeak-ng (sudo apt install espeak-ng, or your distribution’s package)' },
};

export function platformOf(p: NodeJS.Platform): Platform {
  return p === 'darwin' || p === 'win32' ? p : 'linux';
}

/** SAPI speaks the text it reads from an environment variable into a 16 kHz mono WAV. */
const SAPI_SPEAK = [
  "$ErrorActionPreference = 'Stop'",
  'try {',
  'Add-Type -AssemblyName System.Speech',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'if ($env:RP_VOICE) { $s.SelectVoice($env:RP_VOICE) }',
  '$f = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(16000, [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, [System.Speech.AudioFormat.AudioChannel]::Mono)',
  '$s.SetOutputToWaveFile($env:RP_OUT, $f)',
  '$s.Speak($env:RP_TEXT)',
  '$s.Dispose()',
  '} catch { [Console]::Error.WriteLine($_.Exception.Message); exit 1 }',
].join('\n');

const SAPI_VOICES = [
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  'Add-Type -AssemblyName System.Speech',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  '$s.GetInstalledVoices() | Where-Object { $_.Enabled } | ForEach-Object { $_.VoiceInfo.Name + "`t" + $_.VoiceInfo.Culture.Name }',
].join('\n');

const POWERSHELL_ARGS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'];

export function synthCommand(platform: Platform, text: string, voice: string, outFile: string): Command {
  switch (platform) {
    case 'darwin':
      return {
        program: 'say',
        args: [
          ...(voice ? ['-v', voice] : []),
          '--file-format=WAVE',
          '--data-format=LEI16@16000',
          '-o',
          outFile,
          '-f',
          '-',
        ],
        stdin: text,
        wavFrom: { file: outFile },
      };
    case 'win32':
      return {
        program: 'powershell.exe',
        args: [...POWERSHELL_ARGS, SAPI_SPEAK],
        env: { RP_TEXT: text, RP_VOICE: voice, RP_OUT: outFile },
        wavFrom: { file: outFile },
      };
    case 'linux':
      return {
        program: 'espeak-ng',
        args: ['--stdout', '-b', '1', ...(voice ? ['-v', voice] : []), '--stdin'],
        stdin: text,
        wavFrom: 'stdout',
      };
  }
}

export function voicesCommand(platform: Platform): Command {
  switch (platform) {
    case 'darwin':
      return { program: 'say', args: ['-v', '?'], wavFrom: 'stdout' };
    case 'win32':
      return { program: 'powershell.exe', args: [...POWERSHELL_ARGS, SAPI_VOICES], wavFrom: 'stdout' };
    case 'linux':
      return { program: 'espeak-ng', args: ['--voices'], wavFrom: 'stdout' };
  }
}

/** Each platform's voice listing, as voices. */
export function parseVoices(platform: Platform, out: string): Voice[] {
  const lines = out.split(/\r?\n/).filter((l) => l.trim() !== '');
  switch (platform) {
    case 'darwin':
      /* "Kyoko               ja_JP    # こんにちは…"; names may hold spaces and brackets. */
      return lines.flatMap((l) => {
        const m = /^(.+?)\s+([a-z]{2,3}[_-][A-Za-z0-9]+)\s+#/.exec(l);
        return m ? [{ id: m[1]!.trim(), label: `${m[1]!.trim()} (${m[2]})` }] : [];
      });
    case 'win32':
      return lines.flatMap((l) => {
        const [name, culture] = l.split('\t');
        return name?.trim()
          ? [{ id: name.trim(), label: culture?.trim() ? `${name.trim()} (${culture.trim()})` : name.trim() }]
          : [];
      });
    case 'linux':
      /* "Pty Language Age/Gender VoiceName File Other Languages": the language code selects the voice. */
      return lines.slice(1).flatMap((l) => {
        const cols = l.trim().split(/\s+/);
        return cols.length >= 4 ? [{ id: cols[1]!, label: `${cols[3]!.replace(/_/g, ' ')} (${cols[1]})` }] : [];
      });
  }
}
