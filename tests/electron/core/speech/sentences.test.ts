import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../electron/core/speech/sentences.js';

describe('splitting a text into sentences', () => {
  it('splits Japanese at 。！？ wherever they are, keeping closing brackets with their sentence', () => {
    expect(splitSentences('こんにちは。今日はいい天気ですね！散歩に行きませんか？')).toEqual([
      'こんにちは。',
      '今日はいい天気ですね！',
      '散歩に行きませんか？',
    ]);
    expect(splitSentences('「ありがとう。」と言った。本当に？！')).toEqual([
      '「ありがとう。」',
      'と言った。',
      '本当に？！',
    ]);
    expect(splitSentences('すごい!本当?はい')).toEqual(['すごい!', '本当?', 'はい']);
  });

  it('splits English at .!? only before a space or the end, so numbers, names and ellipses stay whole', () => {
    expect(splitSentences('Hello there. How are you? Fine!')).toEqual(['Hello there.', 'How are you?', 'Fine!']);
    expect(splitSentences('Pi is 3.14 and the site is example.com. Next.')).toEqual([
      'Pi is 3.14 and the site is example.com.',
      'Next.',
    ]);
    expect(splitSentences('Wait... what?! "Yes." Done')).toEqual(['Wait...', 'what?!', '"Yes."', 'Done']);
  });

  it('a newline always ends a sentence; blank lines and lone punctuation make none', () => {
    expect(splitSentences('first line\nsecond line\r\n\n  third  ')).toEqual(['first line', 'second line', 'third']);
    expect(splitSentences('はい。\n…\n」')).toEqual(['はい。…」']);
    expect(splitSentences('   \n\n ')).toEqual([]);
    expect(splitSentences('no end mark')).toEqual(['no end mark']);
  });

  it('mixed Japanese and English', () => {
    expect(splitSentences('MMDAgent-EX です。It speaks English too. そうです！')).toEqual([
      'MMDAgent-EX です。',
      'It speaks English too.',
      'そうです！',
    ]);
  });
});
