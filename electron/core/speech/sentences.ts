/**
 * Splits a text at sentence ends so the first sentence can be spoken while the next is
 * synthesized. Japanese ends (。！？) split anywhere; Latin ones (.!?) only before a space
 * or the end, so "3.14" and "example.com" stay whole. Closing quotes and brackets stay with
 * their sentence, and a newline always ends one.
 */

const CLOSERS = '」』）)］]】〉》"\'”’';
const JA_ENDS = '。！？!?．｡';

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    let start = 0;
    let i = 0;
    while (i < line.length) {
      const ch = line[i]!;
      const ja = JA_ENDS.includes(ch) && (ch !== '!' && ch !== '?' ? true : isJaBefore(line, i));
      const latin = ch === '.' || ch === '!' || ch === '?' || ch === '…';
      if (!ja && !latin) {
        i++;
        continue;
      }
      let end = i + 1;
      /* "?!", "...", "。」" and the like end together. */
      while (
        end < line.length &&
        (JA_ENDS.includes(line[end]!) || '.…'.includes(line[end]!) || CLOSERS.includes(line[end]!))
      )
        end++;
      if (ja || end >= line.length || /\s/.test(line[end]!)) {
        push(out, line.slice(start, end));
        start = end;
      }
      i = end;
    }
    push(out, line.slice(start));
  }
  return out;
}

/** A half-width ! or ? after Japanese text ends a sentence even with no space after it. */
function isJaBefore(line: string, i: number): boolean {
  return i > 0 && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(line[i - 1]!);
}

function push(out: string[], piece: string): void {
  const trimmed = piece.trim();
  /* Punctuation alone ("…", "」") is no sentence: it joins the one before. */
  if (trimmed === '') return;
  if (!/[\p{L}\p{N}]/u.test(trimmed) && out.length > 0) out[out.length - 1] += trimmed;
  else out.push(trimmed);
}
