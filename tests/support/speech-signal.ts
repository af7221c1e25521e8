/** Speech-like test audio for the fake engines: a syllable per character, each with its own pitch and loudness. */

/** Mono 16-bit samples: 110 ms syllables and 30 ms gaps, slower or faster with `speed`. */
export function speechLike(text: string, rate: number, speed = 1, volume = 1): Int16Array {
  const chars = [...text.replace(/\s+/g, '')];
  const syllable = 0.11 / speed;
  const gap = 0.03 / speed;
  const total = Math.max(1, Math.round(chars.length * (syllable + gap) * rate));
  const out = new Int16Array(total);
  chars.forEach((ch, k) => {
    const code = ch.codePointAt(0)!;
    const f = 140 + (code % 23) * 12;
    const loud = (0.25 + ((code * 7) % 10) / 14) * volume;
    const start = Math.round(k * (syllable + gap) * rate);
    const n = Math.round(syllable * rate);
    for (let i = 0; i < n && start + i < total; i++) {
      const env = Math.sin((Math.PI * i) / n);
      const t = i / rate;
      const x =
        loud *
        env *
        (0.6 * Math.sin(2 * Math.PI * f * t) +
          0.3 * Math.sin(2 * Math.PI * 2 * f * t) +
          0.1 * Math.sin(2 * Math.PI * 3 * f * t));
      out[start + i] = Math.max(-32768, Math.min(32767, Math.round(x * 20000)));
    }
  });
  return out;
}

/** Interleaves a mono signal into `channels` identical channels. */
export function interleave(mono: Int16Array, channels: number): Int16Array {
  if (channels === 1) return mono;
  const out = new Int16Array(mono.length * channels);
  for (let i = 0; i < mono.length; i++) for (let c = 0; c < channels; c++) out[i * channels + c] = mono[i]!;
  return out;
}
