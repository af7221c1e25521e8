/**
 * The example quick-command set ships with English labels (it lives in settings.json, which has no
 * language). While a label is still the one it shipped with, the UI shows it in its own language.
 */
import type { QuickSet } from '../../common/quick-commands';
import type { MessageKey, Translate } from '../i18n';

export const EXAMPLE_SET_ID = 'set-demo-a';

const LABELS: Record<string, MessageKey> = {
  Greet: 'quick.example.greet',
  Nod: 'quick.example.nod',
  Wave: 'quick.example.wave',
  'Thank you': 'quick.example.thanks',
  'Stop the voice': 'quick.example.stopVoice',
  'Say hello': 'quick.example.sayHello',
  'Test turn (to server)': 'quick.example.testTurn',
  'Happy hello': 'quick.example.happyHello',
};

const PRESETS: Record<string, MessageKey> = {
  Smile: 'preset.example.smile',
  Laugh: 'preset.example.laugh',
  'Eyes closed': 'preset.example.eyesClosed',
  Troubled: 'preset.example.troubled',
  Neutral: 'preset.example.neutral',
};

/** The example set's presets, while they keep the names they shipped with, in the UI's language. */
export function presetLabel(setId: string, name: string, t: Translate): string {
  const key = setId === EXAMPLE_SET_ID ? PRESETS[name] : undefined;
  return key ? t(key) : name;
}

export function exampleLabel(setId: string, label: string, t: Translate): string {
  const key = setId === EXAMPLE_SET_ID ? LABELS[label] : undefined;
  return key ? t(key) : label;
}

export function exampleSetName(set: QuickSet, t: Translate): string {
  return set.id === EXAMPLE_SET_ID && set.name === 'Demo A' ? t('quick.example.set') : set.name;
}
