/** Checks the stored Say settings: a bad value is refused with the field it is in. */
import type { SettingProblem } from '../../../common/problems.js';
import { SLIDER_RANGES, SPEECH_ENGINES, type SpeechSettings } from '../../../common/speech.js';

const bad = (field: string): SettingProblem => ({ code: 'speech', field });

const httpUrl = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length > 500) return false;
  if (v.trim() === '') return true;
  try {
    return ['http:', 'https:'].includes(new URL(v.trim()).protocol);
  } catch {
    return false;
  }
};

export function speechProblem(v: unknown): SettingProblem | null {
  const s = v as Partial<SpeechSettings> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) return { code: 'type' };
  if (!SPEECH_ENGINES.includes(s.engine as never)) return bad('engine');
  const voices = s.voices as Record<string, unknown> | undefined;
  if (
    !voices ||
    typeof voices !== 'object' ||
    SPEECH_ENGINES.some((e) => typeof voices[e] !== 'string' || (voices[e] as string).length > 200)
  )
    return bad('voices');
  if (!httpUrl(s.voicevoxUrl)) return bad('voicevoxUrl');
  if (!httpUrl(s.openaiUrl)) return bad('openaiUrl');
  if (typeof s.openaiModel !== 'string' || s.openaiModel.length > 200) return bad('openaiModel');
  const sliders = s.sliders as unknown as Record<string, unknown> | undefined;
  if (!sliders || typeof sliders !== 'object') return bad('sliders');
  for (const [name, range] of Object.entries(SLIDER_RANGES)) {
    const x = sliders[name];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < range.min - 1e-9 || x > range.max + 1e-9) return bad(name);
  }
  if (typeof s.timeoutSec !== 'number' || !(s.timeoutSec >= 1 && s.timeoutSec <= 300)) return bad('timeoutSec');
  if (typeof s.maxChars !== 'number' || !Number.isInteger(s.maxChars) || s.maxChars < 1 || s.maxChars > 20_000)
    return bad('maxChars');
  return null;
}
