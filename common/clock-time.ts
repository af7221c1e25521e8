/** Times as the log shows them: `12:01:02.345`, local time. The core's notices and the page's rows use the one form. */
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function clockTime(t: number): string {
  const d = new Date(t);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
