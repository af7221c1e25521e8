import { useEffect, useRef } from 'react';

/** A thumbnail of the loaded file, with the streamed part highlighted. */
export function Waveform({ peaks, progress }: { peaks: Float32Array; progress: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const { width, height } = el;
    const style = getComputedStyle(el);
    ctx.clearRect(0, 0, width, height);
    const bar = width / peaks.length;
    for (let i = 0; i < peaks.length; i++) {
      const h = Math.max(1, peaks[i]! * height);
      const played = i / peaks.length < progress;
      ctx.globalAlpha = played ? 1 : 0.45;
      ctx.fillStyle = style.getPropertyValue(played ? '--accent' : '--muted');
      ctx.fillRect(i * bar, (height - h) / 2, Math.max(1, bar - 0.5), h);
    }
    ctx.globalAlpha = 1;
  }, [peaks, progress]);
  return <canvas ref={canvas} className="waveform" width={300} height={44} aria-hidden="true" />;
}
